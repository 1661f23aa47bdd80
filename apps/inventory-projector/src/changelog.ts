import type { TopicSpec } from '@tributary/kafka-runtime';
import type { Reservation, StockState } from './inventory-state.js';

/**
 * The projector's own compacted changelog, written in the same transaction as the levels: per
 * `stock:<SKU@location>` the stock state (ERP count, restocks, reserved, last publication) and per
 * `order:<id>` the order's reservation. JSON: it is private to the projector, not a canonical topic.
 */
export const changelogTopic = {
  name: 'inventory-projector.changelog.v1',
  partitions: 6,
  cleanupPolicy: 'compact',
  retentionMs: -1,
} as const satisfies TopicSpec;

export type ChangelogEntry = { kind: 'stock'; state: StockState } | { kind: 'reservation'; state: Reservation };

export const encodeChangelog = (entry: ChangelogEntry): Buffer => Buffer.from(JSON.stringify(entry));
export const decodeChangelog = (value: Buffer): ChangelogEntry => JSON.parse(value.toString('utf8')) as ChangelogEntry;
