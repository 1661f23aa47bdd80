import { Counter } from 'prom-client';
import type { CustomerEvent } from '@tributary/canonical-model';
import { isEcho, soqlString, type SalesforceChangeEvent, type SalesforceClient } from '@tributary/connectors-salesforce';
import type { AvroEventCodec, EventProducer } from '@tributary/kafka-runtime';
import { ACCOUNT_FIELDS, canonicalChangedFields, CONTACT_FIELDS, modstampOf, parseSalesforceVersion, toCanonicalCustomer } from '@tributary/mapping-salesforce';
import type { Logger, TributaryMetrics } from '@tributary/observability';
import type { CheckpointStore } from './checkpoint-store.js';

type Entity = 'Account' | 'Contact';
type Row = Record<string, unknown>;
export type SalesforceReadPort = Pick<SalesforceClient, 'query'>;

export const entityOfChannel = (channel: string): string => /^\/data\/(\w+)ChangeEvent$/.exec(channel)?.[1] ?? channel;

/**
 * Change events → `commerce.customer.v1` (source salesforce), each record's state at most once:
 *  - ordering per record by (commitNumber, sequenceNumber): a duplicate or older event is dropped;
 *  - each record id becomes its own event, built from the full record (UPDATE carries only the
 *    changed fields), and a snapshot whose SystemModstamp was already emitted is not emitted again;
 *  - GAP_* → the named records are re-read; GAP_OVERFLOW → the entity is re-read by SystemModstamp
 *    from the newest one seen (bounded);
 *  - our own writes (changeOrigin client=<ours>, commitUser or LastModifiedById = integration user)
 *    are echoes: counted, never emitted;
 *  - the channel's replay id is checkpointed after the events are acknowledged by Kafka.
 * The per-record state is rebuilt at start from the topic (own events' versions `sf:<id>:<modstamp>`).
 */
export class ChangeProcessor {
  private readonly emitted = new Map<string, number>();
  private readonly commits = new Map<string, { commitNumber: number; sequenceNumber: number }>();
  private readonly watermarks = new Map<string, number>();
  private readonly events: Counter<'outcome'>;
  private readonly resyncs: Counter<'reason'>;
  integrationUserId: string | undefined;

  constructor(
    private readonly deps: {
      readonly salesforce: () => SalesforceReadPort;
      readonly producer: EventProducer;
      readonly codec: AvroEventCodec<CustomerEvent>;
      readonly topic: string;
      readonly checkpoints: CheckpointStore;
      readonly clientName: string;
      readonly extIdField: string;
      readonly countryNames: Readonly<Record<string, string>>;
      readonly resyncLimit: number;
      readonly metrics: TributaryMetrics;
      readonly service: string;
      readonly log: Logger;
    },
  ) {
    this.events = new Counter({ name: 'tributary_cdc_events_total', help: 'Salesforce change events by outcome (emitted, echo, duplicate, stale, deleted, gap, overflow).', labelNames: ['outcome'], registers: [deps.metrics.registry] });
    this.resyncs = new Counter({ name: 'tributary_cdc_resyncs_total', help: 'Resyncs by SystemModstamp, by reason (overflow, replay_id_invalid). An expired replay id is an alert.', labelNames: ['reason'], registers: [deps.metrics.registry] });
  }

  /** Remembers an emitted version (from the topic at start). */
  remember(event: CustomerEvent, entityOf: (id: string) => Entity | undefined = (id) => (id.startsWith('003') ? 'Contact' : 'Account')): void {
    const parsed = parseSalesforceVersion(event.customer.version);
    if (!parsed) return;
    this.emitted.set(parsed.recordId, Math.max(this.emitted.get(parsed.recordId) ?? 0, parsed.modstampMs));
    const entity = entityOf(parsed.recordId);
    if (entity) this.watermarks.set(entity, Math.max(this.watermarks.get(entity) ?? 0, parsed.modstampMs));
  }

  get known(): { records: number; watermarks: Record<string, number> } {
    return { records: this.emitted.size, watermarks: Object.fromEntries(this.watermarks) };
  }

  count(outcome: string, n = 1): void {
    this.events.inc({ outcome }, n);
  }

  private lock: Promise<unknown> = Promise.resolve();

  /** One thing at a time: events, re-reads and resyncs never interleave (their dedupe state is shared). */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }

  /** One change event, end to end (the subscription calls this one at a time). */
  handle(event: SalesforceChangeEvent): Promise<void> {
    return this.exclusive(() => this.handleNow(event));
  }

  private async handleNow(event: SalesforceChangeEvent): Promise<void> {
    const h = event.header;
    const entity = (h.entityName || entityOfChannel(event.channel)) as Entity;
    if (h.changeType === 'GAP_OVERFLOW') {
      this.count('overflow');
      await this.resyncNow(entity, 'overflow');
    } else if (h.changeType.startsWith('GAP_')) {
      this.count('gap');
      await this.rereadNow(entity, h.recordIds.filter((id) => !id.includes('*')), []);
    } else if (isEcho(event, { clientName: this.deps.clientName, ...(this.integrationUserId ? { integrationUserId: this.integrationUserId } : {}) })) {
      this.count('echo', h.recordIds.length);
      for (const id of h.recordIds) this.noteCommit(id, h.commitNumber, h.sequenceNumber);
    } else if (h.changeType === 'DELETE') {
      this.count('deleted', h.recordIds.length);
    } else {
      const fresh = h.recordIds.filter((id) => this.noteCommit(id, h.commitNumber, h.sequenceNumber));
      if (fresh.length < h.recordIds.length) this.count('duplicate', h.recordIds.length - fresh.length);
      if (fresh.length > 0) await this.rereadNow(entity, fresh, canonicalChangedFields(h.changedFields ?? [], entity));
    }
    await this.deps.checkpoints.save(event.channel, event.replayId, h.commitTimestamp);
    this.deps.metrics.cdcReplayAge.set({ source: this.deps.service }, Math.max(0, (Date.now() - h.commitTimestamp) / 1000));
  }

  /** True when (commitNumber, sequenceNumber) is newer than the last seen for the record. */
  private noteCommit(id: string, commitNumber: number, sequenceNumber: number): boolean {
    const last = this.commits.get(id);
    if (last && (commitNumber < last.commitNumber || (commitNumber === last.commitNumber && sequenceNumber <= last.sequenceNumber))) return false;
    this.commits.set(id, { commitNumber, sequenceNumber });
    return true;
  }

  private select(entity: Entity): string {
    return entity === 'Contact'
      ? `SELECT ${[...CONTACT_FIELDS, this.deps.extIdField, 'Account.Name', 'Account.IsPersonAccount'].join(', ')} FROM Contact`
      : `SELECT ${[...ACCOUNT_FIELDS, this.deps.extIdField, 'PersonContactId'].join(', ')} FROM Account`;
  }

  /** Reads the named records in full and emits those with a state not emitted yet. */
  reread(entity: Entity, ids: readonly string[], changedFields: readonly string[]): Promise<number> {
    return this.exclusive(() => this.rereadNow(entity, ids, changedFields));
  }

  private async rereadNow(entity: Entity, ids: readonly string[], changedFields: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    let emitted = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const rows = (await this.deps.salesforce().query<Row>(`${this.select(entity)} WHERE Id IN (${chunk.map(soqlString).join(', ')})`)).records;
      emitted += await this.emit(entity, rows, changedFields);
    }
    return emitted;
  }

  /** Bounded resync of an entity by SystemModstamp from the newest state seen (after an overflow or an expired replay id). */
  resync(entity: Entity, reason: 'overflow' | 'replay_id_invalid', from?: number): Promise<number> {
    return this.exclusive(() => this.resyncNow(entity, reason, from));
  }

  private async resyncNow(entity: Entity, reason: 'overflow' | 'replay_id_invalid', from?: number): Promise<number> {
    this.resyncs.inc({ reason });
    const since = from ?? this.watermarks.get(entity) ?? 0;
    const literal = new Date(since).toISOString();
    const rows = (await this.deps.salesforce().query<Row>(`${this.select(entity)} WHERE SystemModstamp >= ${literal} ORDER BY SystemModstamp ASC LIMIT ${this.deps.resyncLimit}`)).records;
    const emitted = await this.emit(entity, rows, []);
    this.deps.log.info({ entity, reason, since: literal, read: rows.length, emitted }, 'resynced by SystemModstamp');
    return emitted;
  }

  private async emit(entity: Entity, rows: readonly Row[], changedFields: readonly string[]): Promise<number> {
    const out: CustomerEvent[] = [];
    for (const row of rows) {
      const id = String(row['Id']);
      const modstamp = modstampOf(row);
      if (row['IsDeleted'] === true) continue;
      if ((this.emitted.get(id) ?? -1) >= modstamp) {
        this.count('stale');
        continue;
      }
      if (this.integrationUserId && row['LastModifiedById'] === this.integrationUserId) {
        // Our own write is the record's latest state: nothing new for Clarity.
        this.count('echo');
        this.emitted.set(id, modstamp);
        continue;
      }
      const account = entity === 'Contact' ? ((row['Account'] as Row | null | undefined) ?? null) : undefined;
      if (account?.['IsPersonAccount'] === true) continue; // a Person Account's contact: the Account event carries it
      out.push(toCanonicalCustomer(entity, row, { extIdField: this.deps.extIdField, countryNames: this.deps.countryNames, changedFields, ...(account !== undefined ? { account } : {}) }));
    }
    if (out.length > 0) {
      await this.deps.producer.sendAll(out.map((event) => ({
        topic: this.deps.topic, key: event.customer.customerId, value: this.deps.codec.encode(event),
        headers: { 'correlation-id': event.correlationId, 'event-type': event.eventType, source: 'salesforce' },
      })));
    }
    for (const event of out) {
      const id = event.customer.salesforceContactId && entity === 'Contact' ? event.customer.salesforceContactId : event.customer.salesforceAccountId ?? '';
      this.emitted.set(id, Math.max(this.emitted.get(id) ?? 0, event.customer.modifiedAt));
    }
    for (const row of rows) {
      const stamp = modstampOf(row);
      this.watermarks.set(entity, Math.max(this.watermarks.get(entity) ?? 0, stamp));
      if (this.integrationUserId && row['LastModifiedById'] === this.integrationUserId) this.emitted.set(String(row['Id']), Math.max(this.emitted.get(String(row['Id'])) ?? 0, stamp));
    }
    this.count('emitted', out.length);
    return out.length;
  }
}
