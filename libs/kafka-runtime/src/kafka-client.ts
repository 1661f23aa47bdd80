import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from '@tributary/observability';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug',
};

/** kafkajs, logging through our JSON logger (warnings and errors only: its info is chatter). */
export const createKafkaClient = ({ brokers, clientId, logger }: KafkaClientOptions): Kafka => {
  silenceKafkajsTimeoutWarning();
  return new Kafka({
    clientId,
    brokers,
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
