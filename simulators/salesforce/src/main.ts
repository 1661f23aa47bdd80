import { z } from 'zod';
import { startSalesforceSimulator } from './start-simulator.js';

/** Runs the simulator as a process (docker-compose, bench). Demo credentials unless overridden. */
const env = z
  .object({
    SALESFORCE_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8095),
    SALESFORCE_SIM_HOST: z.string().default('0.0.0.0'),
    SALESFORCE_SIM_CLIENT_ID: z.string().default('tributary-sim-client'),
    SALESFORCE_SIM_CLIENT_SECRET: z.string().default('sim-client-secret'),
    SALESFORCE_SIM_USERNAME: z.string().optional(),
    SALESFORCE_SIM_PASSWORD: z.string().optional(),
    SALESFORCE_SIM_API_VERSION: z.string().regex(/^\d+\.\d$/).default('62.0'),
    SALESFORCE_SIM_DAILY_API_LIMIT: z.coerce.number().int().min(0).default(15_000),
    SALESFORCE_SIM_REPLAY_RETENTION_MS: z.coerce.number().int().positive().optional(),
    SALESFORCE_SIM_COMETD_TIMEOUT_MS: z.coerce.number().int().positive().default(110_000),
    SALESFORCE_SIM_QUERY_PAGE_SIZE: z.coerce.number().int().positive().default(2000),
    SALESFORCE_SIM_SEED: z.coerce.number().int().default(1),
    SALESFORCE_SIM_PUBLIC_URL: z.url().optional(),
  })
  .parse(process.env);

const log = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'salesforce-simulator', msg, ...fields })}\n`);

const simulator = await startSalesforceSimulator({
  port: env.SALESFORCE_SIM_PORT,
  host: env.SALESFORCE_SIM_HOST,
  clients: [{
    clientId: env.SALESFORCE_SIM_CLIENT_ID,
    clientSecret: env.SALESFORCE_SIM_CLIENT_SECRET,
    ...(env.SALESFORCE_SIM_USERNAME ? { username: env.SALESFORCE_SIM_USERNAME } : {}),
    ...(env.SALESFORCE_SIM_PASSWORD ? { password: env.SALESFORCE_SIM_PASSWORD } : {}),
  }],
  apiVersion: env.SALESFORCE_SIM_API_VERSION,
  dailyApiLimit: env.SALESFORCE_SIM_DAILY_API_LIMIT,
  cometdTimeoutMs: env.SALESFORCE_SIM_COMETD_TIMEOUT_MS,
  queryPageSize: env.SALESFORCE_SIM_QUERY_PAGE_SIZE,
  seed: env.SALESFORCE_SIM_SEED,
  ...(env.SALESFORCE_SIM_REPLAY_RETENTION_MS ? { replayRetentionMs: env.SALESFORCE_SIM_REPLAY_RETENTION_MS } : {}),
  ...(env.SALESFORCE_SIM_PUBLIC_URL ? { publicUrl: env.SALESFORCE_SIM_PUBLIC_URL } : {}),
});
log('info', 'salesforce simulator listening', { url: simulator.url, adminUrl: simulator.adminUrl });

const shutdown = (signal: string) => {
  simulator.close().then(
    () => {
      log('info', 'salesforce simulator stopped', { signal });
      process.exit(0);
    },
    (error: unknown) => {
      log('error', 'salesforce simulator failed to stop', { signal, error: String(error) });
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
