import { z } from 'zod';
import { startSage100Simulator } from './start-simulator.js';
import { DEMO_SEED } from './testing/demo-seed.js';

/** Runs the simulator as a process (docker-compose, bench, demos), seeded with a small demo company. */
const env = z
  .object({
    SAGE100_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8093),
    SAGE100_SIM_HOST: z.string().default('0.0.0.0'),
    /** Comma-separated accepted X-API-Key values. */
    SAGE100_SIM_API_KEYS: z.string().default('sage100-sim-key'),
    /** Comma-separated company codes; the demo customers and items go to the first. */
    SAGE100_SIM_COMPANIES: z.string().default('ABC'),
    SAGE100_SIM_MAX_CONCURRENT: z.coerce.number().int().min(1).default(4),
    SAGE100_SIM_SEED: z.coerce.number().int().default(1),
  })
  .parse(process.env);

const list = (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean);
const log = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'sage100-simulator', msg, ...fields })}\n`);

const companies = list(env.SAGE100_SIM_COMPANIES);
const simulator = await startSage100Simulator({
  port: env.SAGE100_SIM_PORT,
  host: env.SAGE100_SIM_HOST,
  apiKeys: list(env.SAGE100_SIM_API_KEYS),
  companies: companies.map((code) => ({ code, divisions: ['01', '02'] })),
  customers: DEMO_SEED.customers.map((customer) => ({ ...customer, company: companies[0]! })),
  items: DEMO_SEED.items,
  maxConcurrent: env.SAGE100_SIM_MAX_CONCURRENT,
  seed: env.SAGE100_SIM_SEED,
});
log('info', 'sage100 simulator listening', { url: simulator.url, adminUrl: simulator.adminUrl, companies });

const shutdown = (signal: string) => {
  simulator.close().then(
    () => {
      log('info', 'sage100 simulator stopped', { signal });
      process.exit(0);
    },
    (error: unknown) => {
      log('error', 'sage100 simulator failed to stop', { signal, error: String(error) });
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
