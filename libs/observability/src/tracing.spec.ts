import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSpan } from './tracing.js';
import { TributaryMetrics } from './metrics.js';

describe('trace context without an exporter', () => {
  it('continues an incoming traceparent with a new span id', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const { span, traceparent, traceId } = startSpan('test', { traceparent: parent });
    span.end();
    assert.equal(traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.match(traceparent, /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/);
    assert.notEqual(traceparent.split('-')[2], '00f067aa0ba902b7');
  });

  it('starts a new trace when there is no or a malformed traceparent', () => {
    for (const incoming of [undefined, '', 'garbage', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      const { span, traceparent, traceId } = startSpan('test', { traceparent: incoming ?? '' });
      span.end();
      assert.match(traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      assert.notEqual(traceId, '00000000000000000000000000000000');
    }
  });
});

describe('TributaryMetrics gauges for alerts', () => {
  it('exports the ERP budget read at scrape time, the source watermark and the CDC replay age', async () => {
    const metrics = new TributaryMetrics('test', { defaultMetrics: false });
    let inFlight = 1;
    metrics.watchBudget('intacct', () => ({ limit: 2, inFlight }));
    metrics.sourceWatermark.set({ source: 'intacct-source', feed: 'stock' }, 1_764_000_000);
    metrics.cdcReplayAge.set({ source: 'sage100' }, 42);
    let text = await metrics.registry.metrics();
    assert.match(text, /tributary_erp_budget_remaining\{system="intacct",service="test"\} 1/);
    assert.match(text, /tributary_erp_budget_limit\{system="intacct",service="test"\} 2/);
    assert.match(text, /tributary_source_watermark_timestamp_seconds\{source="intacct-source",feed="stock",service="test"\} 1764000000/);
    assert.match(text, /tributary_cdc_replay_age_seconds\{source="sage100",service="test"\} 42/);
    inFlight = 2;
    text = await metrics.registry.metrics();
    assert.match(text, /tributary_erp_budget_remaining\{system="intacct",service="test"\} 0/);
  });
});
