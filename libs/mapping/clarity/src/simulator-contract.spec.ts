import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClarityOrderWebhook, verifyClaritySignature } from '@tributary/connectors-clarity';
import { claritySignatureHeader, sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { toCanonicalOrderEvent } from './to-canonical-order-event.js';

// The simulator and the connector implement the webhook contract independently; here each
// checks the other, end to end through the mapping. (Test-only dependency on the simulator.)

describe('simulator ⇄ connector ⇄ mapping', () => {
  const envelopes = sampleOrders(200, { seed: 2026 }).map((order) => webhookFor(order));

  it('every simulated signature verifies, including during a secret rotation', () => {
    const t = 1_795_600_000;
    for (const envelope of envelopes.slice(0, 20)) {
      const rawBody = JSON.stringify(envelope);
      const header = claritySignatureHeader(rawBody, ['whsec_old', 'whsec_new'], t);
      const result = verifyClaritySignature({ rawBody: Buffer.from(rawBody), header, secrets: ['whsec_new'], nowSeconds: t + 5 });
      assert.deepEqual(result, { ok: true, value: { timestamp: t } });
    }
  });

  it('every simulated order passes the schema and maps with totals that agree to the cent', () => {
    for (const [index, envelope] of envelopes.entries()) {
      const parsed = parseClarityOrderWebhook(Buffer.from(JSON.stringify(envelope)));
      if (!parsed.ok) assert.fail(`${envelope.data.orderId}: ${JSON.stringify(parsed.error)}`);
      const event = toCanonicalOrderEvent(parsed.value, { eventId: `e-${index}`, correlationId: `c-${index}`, receivedAt: 0 });
      if (!event.ok) assert.fail(`${envelope.data.orderId}: ${event.error.code} ${JSON.stringify(event.error.details)}`);
      assert.equal(event.value.order.totals.grandTotal, Number(envelope.data.totalAmount).toFixed(2));
      assert.equal(event.value.order.lines.length, envelope.data.lineItems.length);
    }
  });
});
