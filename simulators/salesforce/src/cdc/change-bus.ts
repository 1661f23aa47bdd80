import { randomUUID } from 'node:crypto';
import { OBJECTS } from '../store/objects.js';
import type { Fields, RecordChange, WriteContext } from '../store/org-store.js';

export type ChangeType = 'CREATE' | 'UPDATE' | 'DELETE' | 'UNDELETE' | 'GAP_CREATE' | 'GAP_UPDATE' | 'GAP_DELETE' | 'GAP_UNDELETE' | 'GAP_OVERFLOW';

export interface ChangeEventHeader {
  entityName: string;
  recordIds: string[];
  changeType: ChangeType;
  changeOrigin: string;
  transactionKey: string;
  sequenceNumber: number;
  commitTimestamp: number;
  commitNumber: number;
  commitUser: string;
  changedFields: string[];
  nulledFields: string[];
  diffFields: string[];
}

/** The Bayeux message Salesforce delivers for one change event. */
export interface ChangeEventMessage {
  channel: string;
  data: {
    schema: string;
    payload: { ChangeEventHeader: ChangeEventHeader } & Fields;
    event: { replayId: number };
  };
}

export interface StoredEvent {
  replayId: number;
  entity: string;
  at: number;
  message: ChangeEventMessage;
}

export const ALL_CHANGES_CHANNEL = '/data/ChangeEvents';
export const channelOf = (entity: string) => `/data/${entity}ChangeEvent`;

const iso = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*\+0000$/.test(value) ? value.replace('+0000', 'Z') : value);

/** CDC's body: compound fields nested (`BillingAddress: { City }`), nulls left out. */
const payloadFields = (entity: string, fields: Fields): { body: Fields; names: string[]; nulled: string[] } => {
  const compounds = OBJECTS[entity]?.compounds ?? {};
  const body: Fields = {};
  const names: string[] = [];
  const nulled: string[] = [];
  const placed = new Set<string>();
  for (const [compound, parts] of Object.entries(compounds)) {
    for (const [part, field] of Object.entries(parts)) {
      if (!(field in fields)) continue;
      placed.add(field);
      const value = fields[field];
      names.push(`${compound}.${part}`);
      if (value === null || value === undefined || value === '') {
        nulled.push(`${compound}.${part}`);
        continue;
      }
      const nested = (body[compound] ??= {}) as Fields;
      nested[part] = value;
    }
  }
  for (const [field, value] of Object.entries(fields)) {
    if (placed.has(field)) continue;
    names.push(field);
    if (value === null || value === undefined || value === '') nulled.push(field);
    else body[field] = iso(value);
  }
  return { body, names, nulled };
};

/**
 * The event bus behind CDC: every committed change becomes an event with an increasing (not
 * contiguous) replay id, retained for `retentionMs`; subscribers hear of each new event.
 */
export class ChangeBus {
  private events: StoredEvent[] = [];
  private lastReplayId = 17_000;
  private prunedUpTo = 0;
  private commitNumber = 10_651_106_438_000;
  private readonly listeners = new Set<(event: StoredEvent) => void>();

  constructor(
    private readonly options: { retentionMs: number; entities: ReadonlySet<string>; random: () => number },
  ) {}

  onEvent(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  channelExists(channel: string): boolean {
    return channel === ALL_CHANGES_CHANNEL || [...this.options.entities].some((entity) => channelOf(entity) === channel);
  }

  /** The events a subscriber of `channel` gets after `replayId` (-2: all retained). */
  after(channel: string, replayId: number): StoredEvent[] {
    this.prune();
    const from = replayId === -2 ? 0 : replayId;
    return this.events.filter((e) => e.replayId > from && (channel === ALL_CHANGES_CHANNEL || channelOf(e.entity) === channel));
  }

  latestReplayId(): number {
    return this.lastReplayId;
  }

  /** -1, -2, or an id of a retained event or of one after it: older ids are out of the retention window. */
  isValidReplayId(replayId: number): boolean {
    this.prune();
    if (replayId === -1 || replayId === -2) return true;
    return Number.isInteger(replayId) && replayId > this.prunedUpTo && replayId <= this.lastReplayId;
  }

  all(): StoredEvent[] {
    this.prune();
    return [...this.events];
  }

  clear(): void {
    this.events = [];
    this.prunedUpTo = this.lastReplayId;
  }

  /** Committed changes of one transaction: one event per record, sharing transactionKey and commitNumber. */
  publishChanges(changes: RecordChange[], context: WriteContext): void {
    const relevant = changes.filter((c) => this.options.entities.has(c.type));
    if (relevant.length === 0) return;
    const transactionKey = randomUUID();
    this.commitNumber += 1 + Math.floor(this.options.random() * 5);
    relevant.forEach((change, index) => {
      const { body, names, nulled } = payloadFields(change.type, change.fields);
      this.publish(change.type, {
        recordIds: [change.id],
        changeType: change.changeType,
        changeOrigin: context.changeOrigin,
        transactionKey,
        sequenceNumber: index + 1,
        commitTimestamp: change.at,
        commitNumber: this.commitNumber,
        commitUser: context.userId,
        changedFields: change.changeType === 'UPDATE' ? names : [],
        nulledFields: change.changeType === 'UPDATE' ? nulled : [],
      }, change.changeType === 'DELETE' ? {} : body);
    });
  }

  /** A header-only event: GAP_* for named records, GAP_OVERFLOW for a whole entity. */
  publishHeaderOnly(entity: string, changeType: ChangeType, recordIds: string[], commitUser: string): StoredEvent {
    this.commitNumber += 1;
    return this.publish(entity, {
      recordIds, changeType, changeOrigin: '', transactionKey: randomUUID(), sequenceNumber: 1, commitTimestamp: Date.now(),
      commitNumber: this.commitNumber, commitUser, changedFields: [], nulledFields: [],
    }, {});
  }

  private publish(entity: string, header: Omit<ChangeEventHeader, 'entityName' | 'diffFields'>, body: Fields): StoredEvent {
    this.lastReplayId += 1 + Math.floor(this.options.random() * 3);
    const event: StoredEvent = {
      replayId: this.lastReplayId,
      entity,
      at: Date.now(),
      message: {
        channel: channelOf(entity),
        data: {
          schema: `sim${entity}Schema0001`,
          payload: { ChangeEventHeader: { entityName: entity, ...header, diffFields: [] }, ...body },
          event: { replayId: this.lastReplayId },
        },
      },
    };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  private prune(): void {
    const cutoff = Date.now() - this.options.retentionMs;
    while (this.events.length > 0 && this.events[0]!.at < cutoff) {
      this.prunedUpTo = this.events.shift()!.replayId;
    }
  }
}
