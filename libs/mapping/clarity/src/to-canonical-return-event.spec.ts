import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntegrationError } from '@tributary/core';
import type { ReturnEvent } from '@tributary/canonical-model';
import { toCanonicalReturnEvent } from './to-canonical-return-event.js';
import type { EventContext } from './event-context.js';
import { rawReturnCreated, returnCreated } from './fixtures/clarity-more-webhooks.js';

const ctx: EventContext = { eventId: '0b8e2f61-7c3d-4a95-b1e0-9d4c6a2f8e17', correlationId: 'corr-2', receivedAt: Date.parse('2026-11-28T15:30:00.410Z') };

const mapped = (webhook = returnCreated()): ReturnEvent => {
  const result = toCanonicalReturnEvent(webhook, ctx);
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const failure = (raw: unknown): IntegrationError => {
  const result = toCanonicalReturnEvent(returnCreated(raw), ctx);
  if (result.ok) assert.fail('expected a mapping error');
  return result.error;
};

describe('toCanonicalReturnEvent', () => {
  it('maps a partial return of an order, restock defaulting to true', () => {
    const event = mapped();
    assert.equal(event.eventType, 'return.created');
    assert.equal(event.causationId, 'evt_01JDR2K8M3P6S9V1X4Z7B0C2DE');
    assert.equal(event.occurredAt, Date.parse('2026-11-28T15:30:00Z'));
    assert.deepEqual(event.return, {
      returnId: 'ret_5012', returnNumber: 'RMA-5012', orderId: '10045', orderNumber: 'CL-10045', customerId: 'cust-77', currency: 'USD',
      createdAt: Date.UTC(2026, 10, 28, 15, 29, 41), reason: 'arrived chipped',
      lines: [
        { lineId: '1', sku: 'TRB-MUG-12OZ', quantity: 1, unitPrice: '17.99', tax: '1.49', restock: false },
        { lineId: '3', sku: 'TRB-TEA-EARL-100G', quantity: 3, unitPrice: '11.61', tax: '2.87', restock: true },
      ],
      shippingRefund: '0.00',
      refundTotal: '57.18',
    });
  });

  it('adds a shipping refund into the total, exactly', () => {
    const raw = rawReturnCreated();
    raw.data.shippingRefund = 9.95;
    raw.data.refundTotal = '67.13';
    assert.equal(mapped(returnCreated(raw)).return.shippingRefund, '9.95');
  });

  it('adds up amounts exactly where floating point would not', () => {
    const raw = rawReturnCreated();
    raw.data.lines = [
      { lineId: '1', sku: 'TRB-STICKER-LOGO', quantity: 3, unitPrice: 0.1, tax: 0.01, restock: true },
      { lineId: '2', sku: 'TRB-STICKER-MUG', quantity: 1, unitPrice: 0.2, tax: 0.02, restock: true },
    ];
    raw.data.refundTotal = '0.53';
    assert.notEqual(3 * 0.1, 0.3);
    assert.equal(mapped(returnCreated(raw)).return.refundTotal, '0.53');
  });

  it('refuses a return whose refund total is off by a cent, naming both sums', () => {
    const raw = rawReturnCreated();
    raw.data.refundTotal = '57.19';
    const error = failure(raw);
    assert.equal(error.code, 'MAPPING.RETURN_TOTALS_MISMATCH');
    assert.equal(error.transient, false);
    assert.deepEqual(error.details, { path: 'data.refundTotal', expected: '57.18', actual: '57.19' });
    assert.match(error.message, /add up to 57\.18, Clarity refunds 57\.19/);
  });

  it('refuses a return that leaves out the shipping refund it pays', () => {
    const raw = rawReturnCreated();
    raw.data.shippingRefund = 9.95;
    assert.equal(failure(raw).code, 'MAPPING.RETURN_TOTALS_MISMATCH');
  });

  it('refuses the same order line returned twice', () => {
    const raw = rawReturnCreated();
    raw.data.lines[1]!.lineId = '1';
    const error = failure(raw);
    assert.equal(error.code, 'MAPPING.DUPLICATE_RETURN_LINE');
    assert.equal(error.details['path'], 'data.lines[1].lineId');
  });

  it('is pure', () => {
    const webhook = returnCreated();
    const before = structuredClone(webhook);
    assert.deepEqual(mapped(webhook), mapped(webhook));
    assert.deepEqual(webhook, before);
  });
});
