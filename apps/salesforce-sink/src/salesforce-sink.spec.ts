import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CrossReference, CustomerEvent } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import type { RecordOutcome, SalesforceRecord } from '@tributary/connectors-salesforce';
import type { AvroEventCodec, PipelineMessage } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { InMemoryLedger } from '@tributary/testing';
import { ApiBudget } from './api-budget.js';
import { customerPipeline } from './customer.pipeline.js';
import { UpsertBatcher } from './upsert-batcher.js';

const rules = loadMappingConfig(join(fileURLToPath(import.meta.url), '../../../../config/mappings/default.yaml')).salesforce;
const log = createLogger('test', 'silent');

describe('UpsertBatcher', () => {
  it('gathers concurrent upserts into one collection call and hands each its own outcome', async () => {
    const calls: SalesforceRecord[][] = [];
    const batcher = new UpsertBatcher(() => ({
      upsertRecords: async (_type: string, records: readonly SalesforceRecord[]) => {
        calls.push([...records]);
        return records.map((r): RecordOutcome => (r['Name'] === 'bad'
          ? { kind: 'failed', error: IntegrationError.permanent('SALESFORCE.REQUIRED_FIELD_MISSING', 'no') }
          : { kind: 'saved', id: `001${String(r['X__c'])}`, created: true }));
      },
    }), { lingerMs: 10, maxRecords: 200 });
    const outcomes = await Promise.all([
      batcher.upsert('Account', 'X__c', { X__c: 'a', Name: 'ok' }),
      batcher.upsert('Account', 'X__c', { X__c: 'b', Name: 'bad' }),
      batcher.upsert('Account', 'X__c', { X__c: 'c', Name: 'ok' }),
      batcher.upsert('Account', 'X__c', { X__c: 'A', Name: 'ok' }), // the same external id: the next call
    ]);
    assert.equal(calls.length, 2);
    assert.equal(calls[0]!.length, 3);
    assert.deepEqual(outcomes.map((o) => o.kind), ['saved', 'failed', 'saved', 'saved']);
  });

  it('a whole-call failure rejects every caller of that call', async () => {
    const batcher = new UpsertBatcher(() => ({ upsertRecords: async () => { throw IntegrationError.transient('SALESFORCE.LIMIT', 'limit'); } }), { lingerMs: 1, maxRecords: 200 });
    const results = await Promise.allSettled([batcher.upsert('Account', 'X__c', { X__c: '1' }), batcher.upsert('Account', 'X__c', { X__c: '2' })]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
  });
});

describe('ApiBudget', () => {
  it('pauses (transient, with a retry-after) above the configured share and resumes when /limits says so', async () => {
    const budget = new ApiBudget(new TributaryMetrics('test', { defaultMetrics: false }), 0.8, 1000);
    let remaining = 10;
    const client = { fetchLimits: async () => { budget.onLimits({ used: 100 - remaining, limit: 100, remaining, share: (100 - remaining) / 100 }); return { max: 100, remaining }; } };
    await budget.guard(client);
    budget.onLimits({ used: 90, limit: 100, remaining: 10, share: 0.9 });
    await assert.rejects(budget.guard(client), (e: IntegrationError) => e.code === 'SALESFORCE.BUDGET' && e.transient && e.details['retryAfterMs'] === 1000);
    remaining = 50;
    const later = new ApiBudget(new TributaryMetrics('test2', { defaultMetrics: false }), 0.8, 1000);
    later.onLimits({ used: 90, limit: 100, remaining: 10, share: 0.9 });
    await later.guard({ fetchLimits: async () => { later.onLimits({ used: 50, limit: 100, remaining: 50, share: 0.5 }); return { max: 100, remaining: 50 }; } });
  });
});

const event = (customer: Partial<CustomerEvent['customer']> = {}, source = 'clarity'): CustomerEvent => ({
  eventId: 'e1', eventType: 'customer.updated', occurredAt: 1, source, correlationId: 'c1', causationId: null, schemaVersion: 1,
  customer: {
    customerId: 'c-1', clarityId: 'c-1', salesforceAccountId: null, salesforceContactId: null, kind: 'b2b', email: 'a@b.example', firstName: 'A', lastName: 'B', company: 'Co',
    phone: null, billingAddress: null, shippingAddress: null, marketingOptIn: null, accountOwner: null, modifiedAt: 1, version: 'v1', changedFields: [], ...customer,
  },
});
const message = (value: CustomerEvent): PipelineMessage<CustomerEvent> => ({ topic: 't', partition: 0, offset: '0', key: value.customer.customerId, value, headers: {}, correlationId: 'c1' });

describe('customerPipeline', () => {
  const setup = (outcome: (type: string, record: SalesforceRecord) => RecordOutcome, clarity?: { getCustomer: (id: string) => Promise<{ lastName: string } | null> }) => {
    const ledger = new InMemoryLedger<CrossReference>();
    const held: string[] = [];
    const upserts: Array<{ type: string; record: SalesforceRecord }> = [];
    const single: string[] = [];
    const pipeline = customerPipeline({
      source: { name: 't', partitions: 1, cleanupPolicy: 'delete', retentionMs: -1 } as never, codec: {} as AvroEventCodec<CustomerEvent>,
      salesforce: () => ({ upsert: async (type: string) => { single.push(type); return { id: `${type}-retried`, created: false }; } }),
      batcher: { upsert: async (type, _ext, record) => { upserts.push({ type, record }); return outcome(type, record); } },
      ledger, rules, recordTypes: async () => new Map([['Business_Account', '012B'], ['PersonAccount', '012P']]),
      review: { hold: async (m, code) => { held.push(`${m.value.customer.customerId}:${code}`); }, release: async () => false },
      ...(clarity ? { clarity } : {}),
    });
    return { pipeline, ledger, held, upserts, single };
  };
  const ctx = { attempt: 1, log };

  it('Account then Contact under it; the same version again is a duplicate; Salesforce-sourced changes are skipped', async () => {
    const { pipeline, upserts } = setup((type) => ({ kind: 'saved', id: `${type}-1`, created: true }));
    assert.deepEqual(await pipeline.handle(message(event()), ctx), { kind: 'done', ref: 'Account-1' });
    assert.equal(upserts[1]!.record['AccountId'], 'Account-1');
    assert.equal((await pipeline.handle(message(event()), ctx)).kind, 'duplicate');
    assert.equal((await pipeline.handle(message(event({ version: 'v2', modifiedAt: 2 }, 'salesforce')), ctx)).kind, 'skipped');
  });

  it('no last name: held for review, not thrown (the key is not parked)', async () => {
    const { pipeline, held, upserts } = setup(() => ({ kind: 'saved', id: 'x', created: true }));
    const outcome = await pipeline.handle(message(event({ lastName: null })), ctx);
    assert.equal(outcome.kind, 'skipped');
    assert.deepEqual(held, ['c-1:REVIEW.MISSING_LAST_NAME']);
    assert.equal(upserts.length, 0);
  });

  it('DUPLICATE_VALUE is retried at once as an update; several matches go to review with the ids', async () => {
    const race = setup(() => ({ kind: 'failed', error: IntegrationError.transient('SALESFORCE.DUPLICATE_VALUE', 'dup') }));
    assert.equal((await race.pipeline.handle(message(event()), ctx)).kind, 'done');
    assert.deepEqual(race.single, ['Account', 'Contact']);
    const many = setup(() => ({ kind: 'failed', error: IntegrationError.permanent('SALESFORCE.MULTIPLE_MATCHES', 'many', { ids: ['001A', '001B'] }) }));
    await assert.rejects(many.pipeline.handle(message(event()), ctx), (e: IntegrationError) => e.code === 'REVIEW.MULTIPLE_MATCHES' && !e.transient && /001A, 001B/.test(e.message));
  });

  it('no last name but Clarity has it: enriched, written, not held', async () => {
    const asked: string[] = [];
    const { pipeline, held, upserts } = setup((type) => ({ kind: 'saved', id: `${type}-1`, created: true }), { getCustomer: async (id) => { asked.push(id); return { lastName: 'FromClarity' }; } });
    assert.equal((await pipeline.handle(message(event({ lastName: null })), ctx)).kind, 'done');
    assert.deepEqual(asked, ['c-1']);
    assert.deepEqual(held, []);
    assert.equal(upserts.find((u) => u.type === 'Contact')?.record['LastName'], 'FromClarity');
  });
});
