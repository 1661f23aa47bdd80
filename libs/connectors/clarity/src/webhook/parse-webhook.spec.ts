import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseClarityOrderWebhook } from './parse-webhook.js';
import { orderCreatedWebhook } from './order-webhook.fixture.js';

describe('parseClarityOrderWebhook', () => {
  it('parses a raw order.created body', () => {
    const result = parseClarityOrderWebhook(Buffer.from(JSON.stringify(orderCreatedWebhook())));
    assert.equal(result.ok && result.value.data.orderId, '10045');
  });

  it('tells invalid JSON, an invalid order and an event type we do not handle apart', () => {
    const reason = (body: string) => {
      const result = parseClarityOrderWebhook(body);
      return result.ok ? 'ok' : result.error.reason;
    };
    assert.equal(reason('{"id":'), 'invalid-json');
    assert.equal(reason(JSON.stringify({ ...orderCreatedWebhook(), id: '' })), 'invalid-payload');
    assert.equal(reason(JSON.stringify({ ...orderCreatedWebhook(), data: { orderId: '1' } })), 'invalid-payload');
    assert.equal(reason(JSON.stringify({ ...orderCreatedWebhook(), type: 'inventory.changed', data: { sku: 'X' } })), 'unsupported-type');
  });
});
