import { z } from 'zod';

/** Reusable environment variable parsers, each with a message that says what is expected. */
export const env = {
  port: (fallback: number) =>
    z.coerce.number({ message: 'expected a TCP port number' }).int().min(0, 'expected a TCP port number (0-65535)').max(65535, 'expected a TCP port number (0-65535)').default(fallback),

  positiveInt: (fallback: number) =>
    z.coerce.number({ message: 'expected a positive integer' }).int('expected a positive integer').positive('expected a positive integer').default(fallback),

  nonNegativeInt: (fallback: number) =>
    z.coerce.number({ message: 'expected a non-negative integer' }).int('expected a non-negative integer').min(0, 'expected a non-negative integer').default(fallback),

  url: (fallback?: string) => {
    const url = z.string().url('expected an absolute URL such as http://127.0.0.1:8081');
    return fallback === undefined ? url : url.default(fallback);
  },

  /** Comma-separated host:port list, e.g. "127.0.0.1:9092,10.0.0.2:9092". */
  brokers: (fallback: string) =>
    z
      .string()
      .default(fallback)
      .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[\w.-]+:\d{1,5}$/, 'expected a comma-separated list of host:port')).min(1, 'expected at least one host:port')),

  /** Comma-separated non-empty strings (e.g. rotating secrets). */
  list: (message = 'expected a comma-separated list') =>
    z.string({ message }).transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean)).pipe(z.array(z.string()).min(1, message)),

  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'expected one of fatal, error, warn, info, debug, trace, silent' }).default('info'),

  /** true/false, 1/0, yes/no (case-insensitive). */
  flag: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no', 'TRUE', 'FALSE', 'True', 'False', 'YES', 'NO'], { message: 'expected true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => ['true', '1', 'yes'].includes(value.toLowerCase())),

  required: (what: string) => z.string({ message: `expected ${what}` }).min(1, `expected ${what}`),
} as const;

/** Settings every service shares: where Kafka and the registry are, logging, the ops port. */
export const commonEnvSchema = z.object({
  KAFKA_BROKERS: env.brokers('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** TLS to the brokers; KAFKA_SSL_CA_FILE adds a CA (PEM) to the system's trusted ones. */
  KAFKA_SSL: env.flag(false),
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
  /** SASL authentication (Strimzi, Confluent Cloud, MSK with SCRAM). */
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512'], { message: 'expected plain, scram-sha-256 or scram-sha-512' }).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  SCHEMA_REGISTRY_URL: env.url('http://127.0.0.1:8081/apis/ccompat/v7'),
  TOPIC_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/, 'expected letters, digits, ".", "_" or "-"').default(''),
  LOG_LEVEL: env.logLevel(),
  OPS_PORT: env.port(9464),
  OPS_HOST: z.string().default('0.0.0.0'),
});
export type CommonEnv = z.infer<typeof commonEnvSchema>;
