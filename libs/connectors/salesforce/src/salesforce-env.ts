import { z } from 'zod';
import { env } from '@tributary/config';
import type { SalesforceClientOptions } from './salesforce-types.js';

/** The environment variables that say how to reach one Salesforce org; every Salesforce service uses them. */
export const salesforceEnvSchema = z.object({
  SALESFORCE_LOGIN_URL: env.url().describe("The org's My Domain URL, e.g. https://acme.my.salesforce.com (client credentials are refused on login.salesforce.com)."),
  SALESFORCE_CLIENT_ID: env.required('the connected app consumer key'),
  SALESFORCE_CLIENT_SECRET: env.required('the connected app consumer secret'),
  SALESFORCE_API_VERSION: z.string().regex(/^\d{2}\.0$/, 'expected an API version such as 62.0').refine((v) => Number(v) >= 46, 'expected API version 46.0 or later (collection upserts)').default('62.0'),
  SALESFORCE_CLIENT_NAME: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'expected 1-40 letters, digits, ".", "_" or "-"').default('tributary'),
  SALESFORCE_TIMEOUT_MS: env.positiveInt(30_000),
});
export type SalesforceEnv = z.infer<typeof salesforceEnvSchema>;

/** Client options from those variables, plus the metric hooks. */
export const salesforceClientOptions = (
  config: SalesforceEnv,
  extra: Pick<SalesforceClientOptions, 'onRequest' | 'onLimits' | 'limitRetryAfterMs' | 'priceBookCacheTtlMs'> = {},
): SalesforceClientOptions => ({
  loginUrl: config.SALESFORCE_LOGIN_URL,
  clientId: config.SALESFORCE_CLIENT_ID,
  clientSecret: config.SALESFORCE_CLIENT_SECRET,
  apiVersion: config.SALESFORCE_API_VERSION,
  clientName: config.SALESFORCE_CLIENT_NAME,
  timeoutMs: config.SALESFORCE_TIMEOUT_MS,
  ...(extra.onRequest ? { onRequest: extra.onRequest } : {}),
  ...(extra.onLimits ? { onLimits: extra.onLimits } : {}),
  ...(extra.limitRetryAfterMs === undefined ? {} : { limitRetryAfterMs: extra.limitRetryAfterMs }),
  ...(extra.priceBookCacheTtlMs === undefined ? {} : { priceBookCacheTtlMs: extra.priceBookCacheTtlMs }),
});
