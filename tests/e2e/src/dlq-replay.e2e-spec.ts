import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { waitFor } from '@tributary/testing';
import { E2eStack, MAPPING_FILE } from './e2e-stack.js';

const cli = join(fileURLToPath(import.meta.url), '../../../../apps/tributary-cli/dist/main.js');
const run = promisify(execFile);

type Open = { entries: Array<{ key: string; code: string; stage: string }> };

describe('tributary dlq: a mapping gap is fixed and the order replayed, in order', () => {
  let stack: E2eStack;
  const dir = mkdtempSync(join(tmpdir(), 'dlq-replay-'));
  const fixed = join(dir, 'fixed.yaml');
  before(async () => {
    // The fix a person makes after seeing UNMAPPED_SKU: an alias for the SKU the store started to send.
    writeFileSync(fixed, readFileSync(MAPPING_FILE, 'utf8').replace('  aliases:\n', '  aliases:\n    TRB-MUG-12OZ-GIFT: TRB-MUG-12OZ\n'));
    stack = await E2eStack.start();
  });
  after(async () => { await stack.stop(); });

  const tributary = async (...args: string[]) => (await run(process.execPath, [cli, ...args], { env: { ...process.env, ...stack.env } })).stdout;

  it('lists the failed order and the update parked behind it, replays both after the fix, and leaves nothing open', async () => {
    const [order] = sampleOrders(1, { seed: 91, startNumber: 91_000 });
    order!.lineItems[0]!.sku = 'TRB-MUG-12OZ-GIFT';
    const moved = { ...order!, shippingAddress: { ...order!.shippingAddress, line1: '500 Congress Avenue' } };
    const sender = stack.sender();
    await sender.send(webhookFor(order!, { type: 'order.created', createdAt: '2026-11-25T09:00:00Z' }));
    await sender.send(webhookFor(moved, { type: 'order.updated', createdAt: '2026-11-25T09:10:00Z' }));

    const open = await waitFor(async () => {
      const listed = JSON.parse(await tributary('dlq', 'list', '--group', 'intacct-sink', '--json')) as Open;
      return listed.entries.filter((e) => e.key === order!.orderId).length === 2 ? listed : undefined;
    }, { what: 'the failed order and its parked update in the DLQ', intervalMs: 500 });
    assert.deepEqual(open.entries.map((e) => [e.code, e.stage]), [['MAPPING.UNMAPPED_SKU', 'map'], ['DLQ.PARKED_BEHIND_FAILURE', 'park']]);
    assert.equal(stack.intacct.documents().length, 0);

    stack.env['MAPPING_FILE'] = fixed;
    await stack.restartSink();
    assert.match(await tributary('dlq', 'replay', '--group', 'intacct-sink', '--key', order!.orderId), /replayed 2 message/);

    const reference = order!.orderNumber ?? order!.orderId;
    await waitFor(() => /500 Congress Ave/.test(stack.intacct.documents().find((d) => d.referenceNo === reference)?.message ?? ''), { what: 'the order created, then updated' });
    assert.equal(stack.intacct.documents().length, 1);
    assert.equal(stack.intacct.documents()[0]?.lines[0]?.itemId, 'MUG-12OZ');
    const after = JSON.parse(await tributary('dlq', 'list', '--group', 'intacct-sink', '--json')) as Open;
    assert.equal(after.entries.filter((e) => e.key === order!.orderId).length, 0, 'the key is resolved');
  });
});
