import { randomBytes } from 'node:crypto';

/**
 * Environment for a test that uses the real local stack. Each call gets its own topic prefix,
 * so test files run in parallel against one broker without seeing each other's messages.
 */
export const stackEnv = (overrides: Record<string, string> = {}): Record<string, string> => ({
  KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: process.env['SCHEMA_REGISTRY_URL'] ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
  TOPIC_PREFIX: uniquePrefix(),
  LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
  OPS_PORT: '0',
  OPS_HOST: '127.0.0.1',
  ...overrides,
});

export const uniquePrefix = () => `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}.`;
