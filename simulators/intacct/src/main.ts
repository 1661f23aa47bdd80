import { z } from 'zod';
import { startIntacctSimulator } from './start-simulator.js';

/** Runs the simulator as a process (docker-compose, bench). Demo credentials unless overridden. */
const env = z
  .object({
    INTACCT_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(8090),
    INTACCT_SIM_HOST: z.string().default('0.0.0.0'),
    INTACCT_SIM_SENDER_ID: z.string().default('tributary-sim'),
    INTACCT_SIM_SENDER_PASSWORD: z.string().default('sim-sender-pass'),
    INTACCT_SIM_COMPANY_ID: z.string().default('TRIBUTARY-DEMO'),
    INTACCT_SIM_USER_ID: z.string().default('ws_user'),
    INTACCT_SIM_USER_PASSWORD: z.string().default('ws-pass'),
    /** Comma-separated; when set, unknown items fail like Intacct does. */
    INTACCT_SIM_ITEMS: z.string().optional(),
    /** Comma-separated transaction definitions that post AR invoices; default "Sales Invoice". */
    INTACCT_SIM_INVOICE_TYPES: z.string().optional(),
    INTACCT_SIM_MAX_CONCURRENT: z.coerce.number().int().min(1).default(2),
    INTACCT_SIM_SEED: z.coerce.number().int().default(1),
    INTACCT_SIM_PUBLIC_URL: z.url().optional(),
  })
  .parse(process.env);

const log = (level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service: 'intacct-simulator', msg, ...fields })}\n`);

const simulator = await startIntacctSimulator({
  port: env.INTACCT_SIM_PORT,
  host: env.INTACCT_SIM_HOST,
  senderId: env.INTACCT_SIM_SENDER_ID,
  senderPassword: env.INTACCT_SIM_SENDER_PASSWORD,
  users: [{ companyId: env.INTACCT_SIM_COMPANY_ID, userId: env.INTACCT_SIM_USER_ID, password: env.INTACCT_SIM_USER_PASSWORD }],
  maxConcurrent: env.INTACCT_SIM_MAX_CONCURRENT,
  seed: env.INTACCT_SIM_SEED,
  ...(env.INTACCT_SIM_ITEMS ? { items: env.INTACCT_SIM_ITEMS.split(',').map((item) => item.trim()).filter(Boolean) } : {}),
  ...(env.INTACCT_SIM_INVOICE_TYPES
    ? { invoiceTransactionTypes: env.INTACCT_SIM_INVOICE_TYPES.split(',').map((type) => type.trim()).filter(Boolean) }
    : {}),
  ...(env.INTACCT_SIM_PUBLIC_URL ? { publicUrl: env.INTACCT_SIM_PUBLIC_URL } : {}),
});
log('info', 'intacct simulator listening', { url: simulator.url, adminUrl: simulator.adminUrl });

const shutdown = (signal: string) => {
  simulator.close().then(
    () => {
      log('info', 'intacct simulator stopped', { signal });
      process.exit(0);
    },
    (error: unknown) => {
      log('error', 'intacct simulator failed to stop', { signal, error: String(error) });
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
