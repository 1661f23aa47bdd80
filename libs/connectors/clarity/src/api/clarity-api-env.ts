import { z } from 'zod';
import { env } from '@tributary/config';
import type { ClarityApiClientOptions } from './clarity-api-types.js';

/** The environment variables that say how to reach Clarity's API; every service that calls it uses them. */
export const clarityApiEnvSchema = z.object({
  CLARITY_API_URL: env.url(),
  /** Default `${CLARITY_API_URL}/oauth/token`. */
  CLARITY_TOKEN_URL: env.url().optional(),
  CLARITY_CLIENT_ID: env.required('the OAuth client id for the Clarity API'),
  CLARITY_CLIENT_SECRET: env.required('the OAuth client secret for the Clarity API'),
  CLARITY_API_SCOPE: z.string().min(1).optional(),
  CLARITY_API_TIMEOUT_MS: env.positiveInt(10_000),
  /** Sent as X-Change-Origin on customer updates, to recognise our own echoes. */
  CLARITY_CHANGE_ORIGIN: z.string().regex(/^[\w.-]{1,64}$/, 'expected letters, digits, ".", "_" or "-"').default('tributary'),
});
export type ClarityApiEnv = z.infer<typeof clarityApiEnvSchema>;

/** Client options from those variables. */
export const clarityApiClientOptions = (
  config: ClarityApiEnv,
  extra: { onRequest?: ClarityApiClientOptions['onRequest']; changeOrigin?: string } = {},
): ClarityApiClientOptions => ({
  baseUrl: config.CLARITY_API_URL,
  ...(config.CLARITY_TOKEN_URL ? { tokenUrl: config.CLARITY_TOKEN_URL } : {}),
  clientId: config.CLARITY_CLIENT_ID,
  clientSecret: config.CLARITY_CLIENT_SECRET,
  ...(config.CLARITY_API_SCOPE ? { scope: config.CLARITY_API_SCOPE } : {}),
  timeoutMs: config.CLARITY_API_TIMEOUT_MS,
  changeOrigin: extra.changeOrigin ?? config.CLARITY_CHANGE_ORIGIN,
  ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
});
