import type { CliOptions } from './cli-args.js';
import { sampleOrders } from './sample-orders.js';
import { ClarityWebhookSender, type SendResult } from './sender.js';
import { webhookFor } from './webhook.js';
import type { ClarityOrderPayload, ClarityWebhookPayload } from './payload.js';

interface Delivery {
  readonly envelope: ClarityWebhookPayload<ClarityOrderPayload>;
  readonly duplicate: boolean;
}

const describe = ({ envelope, duplicate }: Delivery, result: SendResult): string => {
  const outcome = result.status === 0 ? `ERR ${JSON.stringify(result.body)}` : String(result.status);
  const columns = [envelope.data.orderNumber.padEnd(10), envelope.id, outcome.padStart(3), `${result.ms}ms`.padStart(7), `attempts=${result.attempts}`];
  return (duplicate ? [...columns, 'duplicate'] : columns).join('  ');
};

/** Sends the sample orders and writes one line per delivery; resolves to the process exit code. */
export const runCli = async (options: CliOptions, write: (line: string) => void): Promise<number> => {
  const envelopes = sampleOrders(options.count, { seed: options.seed, startNumber: options.startNumber, currency: options.currency }).map((order) =>
    webhookFor(order),
  );
  // Duplicates go last, so they arrive after (or racing) the originals, as redeliveries do.
  const deliveries: Delivery[] = [
    ...envelopes.map((envelope) => ({ envelope, duplicate: false })),
    ...(options.duplicates ? envelopes.map((envelope) => ({ envelope, duplicate: true })) : []),
  ];
  const sender = new ClarityWebhookSender({ url: options.url, secrets: options.secrets, maxAttempts: options.maxAttempts });
  const results = await sender.sendMany(
    deliveries.map((delivery) => delivery.envelope),
    { concurrency: options.concurrency },
  );
  results.forEach((result, index) => write(describe(deliveries[index]!, result)));
  const accepted = results.filter((result) => result.status >= 200 && result.status < 300).length;
  write(`${results.length} sent, ${accepted} accepted, ${results.length - accepted} failed`);
  return accepted === results.length ? 0 : 1;
};
