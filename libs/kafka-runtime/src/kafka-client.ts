import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type LogEntry, type SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import { IntegrationError } from '@tributary/core';
import type { Logger } from '@tributary/observability';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  ssl?: boolean | ConnectionOptions;
  sasl?: SASLOptions;
}

/** The security settings of commonEnvSchema. */
export interface KafkaSecuritySettings {
  KAFKA_SSL: boolean;
  KAFKA_SSL_CA_FILE?: string | undefined;
  KAFKA_SASL_MECHANISM?: 'plain' | 'scram-sha-256' | 'scram-sha-512' | undefined;
  KAFKA_SASL_USERNAME?: string | undefined;
  KAFKA_SASL_PASSWORD?: string | undefined;
}

/**
 * TLS and SASL options for kafkajs from the environment. A CA file that cannot be read, or a SASL
 * mechanism without its user and password, stops the service at start (CONFIG.*, exit 78).
 */
export const kafkaSecurity = (settings: KafkaSecuritySettings): Pick<KafkaClientOptions, 'ssl' | 'sasl'> => {
  let ssl: boolean | ConnectionOptions | undefined;
  if (settings.KAFKA_SSL_CA_FILE) {
    try {
      ssl = { ca: [readFileSync(settings.KAFKA_SSL_CA_FILE, 'utf8')] };
    } catch (error) {
      throw IntegrationError.permanent('CONFIG.KAFKA_SSL_CA_FILE', `KAFKA_SSL_CA_FILE: cannot read ${settings.KAFKA_SSL_CA_FILE} (${error instanceof Error ? error.message : String(error)})`);
    }
  } else if (settings.KAFKA_SSL) ssl = true;
  if (!settings.KAFKA_SASL_MECHANISM) return ssl === undefined ? {} : { ssl };
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = settings;
  if (!username || !password) {
    throw IntegrationError.permanent('CONFIG.KAFKA_SASL', `KAFKA_SASL_MECHANISM is ${settings.KAFKA_SASL_MECHANISM}: expected KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD too`);
  }
  return { ...(ssl === undefined ? {} : { ssl }), sasl: { mechanism: settings.KAFKA_SASL_MECHANISM, username, password } as SASLOptions };
};

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug',
};

/** kafkajs, logging through our JSON logger (warnings and errors only: its info is chatter). */
export const createKafkaClient = ({ brokers, clientId, logger, ssl, sasl }: KafkaClientOptions): Kafka => {
  silenceKafkajsTimeoutWarning();
  return new Kafka({
    clientId,
    brokers,
    ...(ssl === undefined ? {} : { ssl }),
    ...(sasl === undefined ? {} : { sasl }),
    connectionTimeout: 3000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 100, retries: 8, maxRetryTime: 10_000 },
    logLevel: logLevel.WARN,
    logCreator: () => ({ level, log, namespace }: LogEntry) => {
      const { message, ...extra } = log;
      logger[levels[level] ?? 'info']({ kafkajs: namespace, ...extra }, message);
    },
  });
};

let silenced = false;
/**
 * kafkajs 2.2.4 on Node 24 schedules a negative timeout at each connect (kafkajs issue 1751).
 * The warning is harmless; without this filter it spams stderr once per connection.
 */
const silenceKafkajsTimeoutWarning = () => {
  if (silenced) return;
  silenced = true;
  const listeners = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name === 'TimeoutNegativeWarning') return;
    if (listeners.length === 0) console.warn(warning);
    for (const listener of listeners) listener(warning);
  });
};
