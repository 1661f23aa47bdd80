import type { RecordOutcome, SalesforceClient, SalesforceRecord } from '@tributary/connectors-salesforce';

interface Waiting {
  readonly record: SalesforceRecord;
  readonly resolve: (outcome: RecordOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the upserts of the messages in flight into sObject collection calls (≤ 200 records,
 * one object type and external-id field per call): each message waits at most `lingerMs` for batch
 * mates and gets its own record's outcome back, so one bad record never fails its batch mates. A
 * whole-call failure (limit, network, auth) rejects every caller of that call, and each retries
 * on its own. The same external id twice in one call is split into the next call (Salesforce
 * refuses duplicates within a collection).
 */
export class UpsertBatcher {
  private readonly queues = new Map<string, Waiting[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  calls = 0;
  records = 0;

  constructor(
    private readonly client: () => Pick<SalesforceClient, 'upsertRecords'>,
    private readonly options: { lingerMs: number; maxRecords: number; beforeCall?: () => Promise<void> },
  ) {}

  upsert(type: string, extIdField: string, record: SalesforceRecord): Promise<RecordOutcome> {
    const key = `${type}\u0000${extIdField}`;
    return new Promise<RecordOutcome>((resolve, reject) => {
      const queue = this.queues.get(key) ?? [];
      queue.push({ record, resolve, reject });
      this.queues.set(key, queue);
      if (queue.length >= this.options.maxRecords) this.flush(type, extIdField);
      else if (!this.timers.has(key)) this.timers.set(key, setTimeout(() => this.flush(type, extIdField), this.options.lingerMs));
    });
  }

  private flush(type: string, extIdField: string): void {
    const key = `${type}\u0000${extIdField}`;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const queue = this.queues.get(key) ?? [];
    const batch: Waiting[] = [];
    const later: Waiting[] = [];
    const seen = new Set<string>();
    for (const waiting of queue) {
      const id = String(waiting.record[extIdField] ?? '').toLowerCase();
      if (batch.length < this.options.maxRecords && !seen.has(id)) {
        seen.add(id);
        batch.push(waiting);
      } else later.push(waiting);
    }
    this.queues.set(key, later);
    if (later.length > 0) this.timers.set(key, setTimeout(() => this.flush(type, extIdField), 0));
    if (batch.length === 0) return;
    void (async () => {
      try {
        await this.options.beforeCall?.();
        this.calls++;
        this.records += batch.length;
        const outcomes = await this.client().upsertRecords(type, batch.map((w) => w.record), extIdField);
        batch.forEach((w, i) => w.resolve(outcomes[i]!));
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    })();
  }
}
