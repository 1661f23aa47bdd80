import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly url: string;
  readonly count: number;
  readonly secrets: string[];
  readonly seed: number;
  readonly startNumber: number;
  readonly currency: string;
  readonly concurrency: number;
  readonly maxAttempts: number;
  /** Send every event a second time (same event id), as Clarity may. */
  readonly duplicates: boolean;
}

export type CliCommand = { readonly kind: 'help' } | { readonly kind: 'send'; readonly options: CliOptions } | { readonly kind: 'error'; readonly message: string };

export const usage = `Sends signed Clarity order webhooks, as Clarity would.

Usage: node simulators/clarity/dist/main.js --url <url> [options]

  --url <url>            where to POST, e.g. http://127.0.0.1:3000/webhooks/clarity
  --count <n>            how many orders (default 10)
  --secret <s>           signing secret; repeat during a rotation to send one v1 per secret
                         (default: CLARITY_WEBHOOK_SECRETS, comma-separated)
  --seed <n>             same seed, same orders (default 1)
  --start-number <n>     first order id (default 10001)
  --currency <ISO>       order currency (default USD)
  --concurrency <n>      deliveries in flight (default 4)
  --max-attempts <n>     per event, including the first (default 5)
  --duplicates           send every event twice, same event id, new delivery id
  -h, --help             this text
`;

const positiveInteger = (name: string, text: string | undefined, fallback: number): number | string => {
  if (text === undefined) return fallback;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : `--${name} must be a positive integer, got "${text}"`;
};

/** argv (without node and script) and the environment → what to do. Pure. */
export const parseCli = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand => {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        url: { type: 'string' },
        count: { type: 'string' },
        secret: { type: 'string', multiple: true },
        seed: { type: 'string' },
        'start-number': { type: 'string' },
        currency: { type: 'string' },
        concurrency: { type: 'string' },
        'max-attempts': { type: 'string' },
        duplicates: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: 'help' };
  if (values.url === undefined) return { kind: 'error', message: '--url is required' };
  try {
    new URL(values.url);
  } catch {
    return { kind: 'error', message: `--url is not a URL: "${values.url}"` };
  }

  const secrets = (values.secret ?? (env['CLARITY_WEBHOOK_SECRETS'] ?? '').split(','))
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
  if (secrets.length === 0) return { kind: 'error', message: 'no secret: pass --secret or set CLARITY_WEBHOOK_SECRETS' };

  const currency = values.currency ?? 'USD';
  if (!/^[A-Z]{3}$/.test(currency)) return { kind: 'error', message: `--currency must be an ISO 4217 code, got "${currency}"` };

  const numbers = {
    count: positiveInteger('count', values.count, 10),
    seed: positiveInteger('seed', values.seed, 1),
    startNumber: positiveInteger('start-number', values['start-number'], 10_001),
    concurrency: positiveInteger('concurrency', values.concurrency, 4),
    maxAttempts: positiveInteger('max-attempts', values['max-attempts'], 5),
  };
  const invalid = Object.values(numbers).find((value): value is string => typeof value === 'string');
  if (invalid !== undefined) return { kind: 'error', message: invalid };
  const { count, seed, startNumber, concurrency, maxAttempts } = numbers as Record<keyof typeof numbers, number>;

  return {
    kind: 'send',
    options: { url: values.url, count, secrets, seed, startNumber, currency, concurrency, maxAttempts, duplicates: values.duplicates },
  };
};
