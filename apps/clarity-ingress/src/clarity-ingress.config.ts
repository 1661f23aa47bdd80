import { z } from 'zod';
import { env } from '@tributary/config';
import { clarityApiEnvSchema, type ClarityApiEnv } from '@tributary/connectors-clarity';

/** clarity-ingress settings (on top of the common Kafka/registry/ops settings). */
export const clarityIngressEnvSchema = z.object({
  HTTP_PORT: env.port(3000),
  HTTP_HOST: z.string().default('0.0.0.0'),
  CLARITY_WEBHOOK_SECRETS: env.list('expected the webhook signing secret(s), comma-separated (two during rotation)'),
  WEBHOOK_TOLERANCE_SECONDS: env.positiveInt(300),
  WEBHOOK_BODY_LIMIT_BYTES: env.positiveInt(1024 * 1024),
  /** Per client IP; Clarity's retries after a 429 honour Retry-After. */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: env.positiveInt(6000),
  /** Whole request, headers and body: a sender that trickles bytes is cut off with a 408. */
  WEBHOOK_REQUEST_TIMEOUT_MS: env.positiveInt(30_000),
  /** How long webhook ids (and the newest entity states) are remembered, and how far back the start reads. */
  WEBHOOK_DEDUPE_WINDOW_HOURS: env.positiveInt(48),
  WEBHOOK_DEDUPE_MAX_IDS: env.positiveInt(200_000),
  /** Our origin on writes to Clarity: a webhook `updatedBy: integration:<origin>` is our own echo. */
  CLARITY_CHANGE_ORIGIN: z.string().regex(/^[\w.-]{1,64}$/, 'expected letters, digits, ".", "_" or "-"').default('tributary'),
});
export type ClarityIngressConfig = z.infer<typeof clarityIngressEnvSchema>;

/**
 * Clarity's API, for enriching thin webhooks: optional. Without CLARITY_API_URL the ingress runs
 * without it (thin webhooks are refused with 422); with it, the rest must be right.
 */
export const clarityApiSettings = (environment: NodeJS.ProcessEnv, load: (schema: typeof clarityApiEnvSchema) => ClarityApiEnv): ClarityApiEnv | null =>
  environment['CLARITY_API_URL'] ? load(clarityApiEnvSchema) : null;
