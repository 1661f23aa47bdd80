import { z } from 'zod';
import { sampleShopData } from './shop/sample-shop.js';
import { startClaritySimulator } from './shop/start-clarity-simulator.js';

/** Runs the simulated shop as a process (docker-compose, bench). Demo credentials unless overridden. */
const list = z.string().transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean));
const env = z
  .object({
    CLARITY_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8091),
    CLARITY_SIM_HOST: z.string().default('0.0.0.0'),
    CLARITY_SIM_CLIENT_ID: z.string().min(1).default('tributary'),
    CLARITY_SIM_CLIENT_SECRET: z.string().min(1).default('clarity-sim-secret'),
    CLARITY_SIM_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
    CLARITY_SIM_SEED: z.coerce.number().int().default(1),
    /** How many sample orders (with customers, payments, returns and the catalogue) to start with. */
    CLARITY_SIM_SAMPLE_ORDERS: z.coerce.number().int().min(0).default(0),
    /** Where webhooks go, e.g. http://clarity-ingress:3000/webhooks/clarity; unset: recorded, not sent. */
    CLARITY_SIM_WEBHOOK_URL: z.url().optional(),
    CLARITY_SIM_WEBHOOK_SECRETS: list.optional(),
    CLARITY_SIM_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
    CLARITY_SIM_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(0).default(500),
  })
  .parse(process.env);

const log = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'clarity-simulator', msg, ...fields })}\n`);

if (env.CLARITY_SIM_WEBHOOK_URL && !env.CLARITY_SIM_WEBHOOK_SECRETS?.length) {
  log('error', 'CLARITY_SIM_WEBHOOK_URL needs CLARITY_SIM_WEBHOOK_SECRETS');
  process.exit(2);
}

const simulator = await startClaritySimulator({
  port: env.CLARITY_SIM_PORT,
  host: env.CLARITY_SIM_HOST,
  clients: [{ clientId: env.CLARITY_SIM_CLIENT_ID, clientSecret: env.CLARITY_SIM_CLIENT_SECRET }],
  tokenTtlSeconds: env.CLARITY_SIM_TOKEN_TTL_SECONDS,
  seed: env.CLARITY_SIM_SEED,
  ...(env.CLARITY_SIM_SAMPLE_ORDERS > 0 ? { data: sampleShopData(env.CLARITY_SIM_SAMPLE_ORDERS, { seed: env.CLARITY_SIM_SEED }) } : {}),
  ...(env.CLARITY_SIM_WEBHOOK_URL
    ? {
        webhooks: {
          url: env.CLARITY_SIM_WEBHOOK_URL,
          secrets: env.CLARITY_SIM_WEBHOOK_SECRETS ?? [],
          maxAttempts: env.CLARITY_SIM_WEBHOOK_MAX_ATTEMPTS,
          backoffMs: env.CLARITY_SIM_WEBHOOK_BACKOFF_MS,
        },
      }
    : {}),
});
log('info', 'clarity simulator listening', { url: simulator.url, tokenUrl: simulator.tokenUrl, adminUrl: simulator.adminUrl });

const shutdown = (signal: string) => {
  simulator.close().then(
    () => {
      log('info', 'clarity simulator stopped', { signal });
      process.exit(0);
    },
    (error: unknown) => {
      log('error', 'clarity simulator failed to stop', { signal, error: String(error) });
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
