import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CustomerEvent } from '@tributary/canonical-model';
import type { SalesforceChangeEvent } from '@tributary/connectors-salesforce';
import type { AvroEventCodec, EventProducer, OutgoingMessage } from '@tributary/kafka-runtime';
import { createLogger, TributaryMetrics } from '@tributary/observability';
import { ChangeProcessor } from './change-processor.js';
import type { CheckpointStore } from './checkpoint-store.js';

const REP = '005REP000000000AAA';
const US = '005INT000000000AAA';

const setup = () => {
  const rows = new Map<string, Record<string, unknown>>();
  const sent: CustomerEvent[] = [];
  const saved: Array<[string, number]> = [];
  const queries: string[] = [];
  const processor = new ChangeProcessor({
    salesforce: () => ({ query: async <T>(soql: string) => { queries.push(soql); const ids = [...soql.matchAll(/'([^']+)'/g)].map((m) => m[1]!); const records = (ids.length > 0 ? ids.map((id) => rows.get(id)).filter(Boolean) : [...rows.values()]) as T[]; return { totalSize: records.length, records }; } }) as never,
    producer: { sendAll: async (messages: readonly OutgoingMessage[]) => { for (const m of messages) sent.push(JSON.parse(String(m.value)) as CustomerEvent); } } as unknown as EventProducer,
    codec: { encode: (e: CustomerEvent) => Buffer.from(JSON.stringify(e)) } as unknown as AvroEventCodec<CustomerEvent>,
    topic: 'commerce.customer.v1',
    checkpoints: { save: async (channel: string, replayId: number) => { saved.push([channel, replayId]); } } as unknown as CheckpointStore,
    clientName: 'tributary', extIdField: 'Clarity_Customer_Id__c', countryNames: {}, resyncLimit: 100,
    metrics: new TributaryMetrics('test', { defaultMetrics: false }), service: 'salesforce-cdc-source', log: createLogger('test', 'silent'),
  });
  processor.integrationUserId = US;
  return { processor, rows, sent, saved, queries };
};

const change = (replayId: number, ids: string[], changeType: SalesforceChangeEvent['header']['changeType'], commitNumber: number, origin = ''): SalesforceChangeEvent => ({
  channel: '/data/AccountChangeEvent', replayId, fields: {},
  header: { entityName: 'Account', recordIds: ids, changeType, changeOrigin: origin, transactionKey: 't', sequenceNumber: 1, commitTimestamp: Date.now(), commitNumber, commitUser: origin ? US : REP, changedFields: ['Phone'] },
});
const account = (id: string, modstamp: string, by = REP) => ({ Id: id, Name: `Co ${id}`, Phone: '1', IsPersonAccount: false, SystemModstamp: modstamp, LastModifiedById: by });

describe('ChangeProcessor', () => {
  it('several records in one event: one canonical event each, read in full; then the checkpoint', async () => {
    const { processor, rows, sent, saved } = setup();
    rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z'));
    rows.set('001B00000000000AAA', account('001B00000000000AAA', '2026-11-25T10:00:01.000Z'));
    await processor.handle(change(10, ['001A00000000000AAA', '001B00000000000AAA'], 'UPDATE', 100));
    assert.deepEqual(sent.map((e) => e.customer.salesforceAccountId), ['001A00000000000AAA', '001B00000000000AAA']);
    assert.deepEqual(sent[0]!.customer.changedFields, ['phone']);
    assert.deepEqual(saved, [['/data/AccountChangeEvent', 10]]);
  });

  it('a duplicate or older event changes nothing; a newer one whose state was already emitted neither', async () => {
    const { processor, rows, sent } = setup();
    rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z'));
    await processor.handle(change(10, ['001A00000000000AAA'], 'UPDATE', 100));
    await processor.handle(change(10, ['001A00000000000AAA'], 'UPDATE', 100));
    await processor.handle(change(9, ['001A00000000000AAA'], 'UPDATE', 99));
    await processor.handle(change(11, ['001A00000000000AAA'], 'UPDATE', 101));
    assert.equal(sent.length, 1);
  });

  it('echoes of our writes are not emitted, by changeOrigin or by LastModifiedById', async () => {
    const { processor, rows, sent } = setup();
    rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z', US));
    await processor.handle(change(10, ['001A00000000000AAA'], 'UPDATE', 100, 'com/salesforce/api/rest/62.0;client=tributary'));
    await processor.handle(change(11, ['001A00000000000AAA'], 'GAP_UPDATE', 0));
    assert.equal(sent.length, 0);
  });

  it('a gap re-reads the named records; an overflow resyncs the entity by SystemModstamp', async () => {
    const { processor, rows, sent, queries } = setup();
    rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z'));
    await processor.handle(change(10, ['001A00000000000AAA'], 'GAP_UPDATE', 0));
    assert.equal(sent.length, 1);
    rows.set('001B00000000000AAA', account('001B00000000000AAA', '2026-11-25T10:00:05.000Z'));
    await processor.handle(change(11, ['001*'], 'GAP_OVERFLOW', 0));
    assert.match(queries.at(-1)!, /SystemModstamp >= 2026-11-25T10:00:00.000Z ORDER BY SystemModstamp/);
    assert.deepEqual(sent.map((e) => e.customer.salesforceAccountId), ['001A00000000000AAA', '001B00000000000AAA']);
  });

  it('what was emitted before a restart is not emitted again (state rebuilt from the topic)', async () => {
    const first = setup();
    first.rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z'));
    await first.processor.handle(change(10, ['001A00000000000AAA'], 'UPDATE', 100));
    const second = setup();
    second.rows.set('001A00000000000AAA', account('001A00000000000AAA', '2026-11-25T10:00:00.000Z'));
    for (const e of first.sent) second.processor.remember(e);
    await second.processor.handle(change(10, ['001A00000000000AAA'], 'UPDATE', 100));
    assert.equal(second.sent.length, 0);
  });
});
