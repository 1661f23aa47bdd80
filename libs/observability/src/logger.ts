import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values never reach a log line, at any depth we know of. */
export const redactedPaths = [
  'password', 'secret', 'secrets', 'token', 'accessToken', 'access_token', 'apiKey', 'authorization', 'cookie',
  '*.password', '*.secret', '*.secrets', '*.token', '*.accessToken', '*.access_token', '*.apiKey', '*.authorization', '*.cookie',
  '*.*.password', '*.*.secret', '*.*.token', '*.*.authorization',
  'headers["x-clarity-signature"]', '*.headers["x-clarity-signature"]', '*.headers.authorization',
  'senderPassword', 'userPassword', '*.senderPassword', '*.userPassword', '*.*.senderPassword', '*.*.userPassword',
];

/**
 * JSON logs, one event per line: `log.info({ orderId, docId, ms }, 'sales order created')`.
 * Child loggers carry `correlationId` and `traceId` so one order can be followed across services.
 */
export const createLogger = (service: string, level: string = 'info', destination?: pino.DestinationStream): Logger => {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: { level: (label) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
};
