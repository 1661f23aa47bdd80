import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { claritySignatureHeader, sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { MemorySpanExporter, startTracing, stopTracing } from '@tributary/observability';
import { waitFor } from '@tributary/testing';
import { E2eStack, WEBHOOK_SECRET } from './e2e-stack.js';

/**
 * One order, one trace: the caller's W3C traceparent on the webhook → the ingress's span → the
 * Kafka headers of the canonical event → the sink's consumer span (active while it handles the
 * message) → a client span per Intacct HTTP request, whose traceparent goes on the request.
 * Spans go to an in-memory exporter (OTLP export is off by default; TRIBUTARY_TRACING=otlp or
 * OTEL_EXPORTER_OTLP_ENDPOINT turns it on).
 */
describe('traces: one trace id from the webhook to the Intacct call', () => {
  const exporter = new MemorySpanExporter();
  let stack: E2eStack;
  before(async () => {
    assert.equal(startTracing({ service: 'e2e', exporter }), 'custom');
    stack = await E2eStack.start();
  });
  after(async () => {
    await stack.stop();
    await stopTracing();
  });

  it('continues the caller\'s trace through Kafka into the sink and its Intacct requests', async () => {
    const [order] = sampleOrders(1, { seed: 515, startNumber: 515_000 });
    const envelope = webhookFor(order!);
    const body = JSON.stringify(envelope);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(stack.webhookUrl, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-clarity-signature': claritySignatureHeader(body, [WEBHOOK_SECRET], Math.floor(Date.now() / 1000)),
        'x-clarity-event': envelope.type,
        'x-clarity-event-id': envelope.id,
        'x-clarity-delivery-id': '9d7c8f2e-1b2a-4c3d-8e9f-0a1b2c3d4e5f',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
    });
    assert.equal(response.status, 202, await response.text());
    await waitFor(() => stack.intacct.documents().length === 1, { what: 'the sales order in Intacct' });

    const spans = await waitFor(() => {
      const mine = exporter.spans.filter((s) => s.spanContext().traceId === traceId);
      return mine.some((s) => s.name === 'intacct POST') && mine.some((s) => s.name.endsWith(' process')) ? mine : undefined;
    }, { what: 'the consumer and Intacct spans in the trace' });

    const webhook = spans.find((s) => s.name === 'clarity webhook order.created');
    assert.ok(webhook, `the ingress span, got ${spans.map((s) => s.name).join(', ')}`);
    assert.equal(webhook.parentSpanContext?.spanId, '00f067aa0ba902b7', 'the ingress continues the caller\'s span');
    const consumer = spans.find((s) => s.name.endsWith(' process') && s.attributes['messaging.destination.name'] === stack.topic('commerce.order.v1'));
    assert.ok(consumer, 'the sink\'s consumer span');
    assert.equal(consumer.parentSpanContext?.spanId, webhook.spanContext().spanId, 'the consumer span is a child of the ingress span, through the Kafka headers');
    assert.equal(consumer.attributes['tributary.outcome'], 'done');
    const calls = spans.filter((s) => s.name === 'intacct POST');
    assert.ok(calls.length >= 1);
    for (const call of calls) assert.equal(call.parentSpanContext?.spanId, consumer.spanContext().spanId, 'each Intacct request is a child of the consumer span');
    // Nothing of this order escaped into another trace.
    const elsewhere = exporter.spans.filter((s) => s.spanContext().traceId !== traceId && s.name === 'intacct POST');
    assert.equal(elsewhere.length, 0, 'no Intacct request outside the order\'s trace');
  });
});
