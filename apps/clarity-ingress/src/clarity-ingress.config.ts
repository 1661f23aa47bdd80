import { z } from 'zod';
import { env } from '@tributary/config';

/** clarity-ingress settings (on top of the common Kafka/registry/ops settings). */
export const clarityIngressEnvSchema = z.object({
  HTTP_PORT: env.port(3000),
  HTTP_HOST: z.string().default('0.0.0.0'),
  CLARITY_WEBHOOK_SECRETS: env.list('expected the webhook signing secret(s), comma-separated (two during rotation)'),
  WEBHOOK_TOLERANCE_SECONDS: env.positiveInt(300),
  WEBHOOK_BODY_LIMIT_BYTES: env.positiveInt(1024 * 1024),
});
export type ClarityIngressConfig = z.infer<typeof clarityIngressEnvSchema>;
