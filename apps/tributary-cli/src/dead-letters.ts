import { deadLetterTopic } from '@tributary/canonical-model';
import { DeadLetterHeader, OperatorHeader, readTopicToEnd } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { CommonEnv } from '@tributary/config';
import { cliKafka, connectedProducer, decodeAvro, headersOf, headerText as text, progressBar, recordAudit } from './operator.js';

export interface DeadLetterEntry {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly originalTopic: string;
  readonly originalPartition: string;
  readonly originalOffset: string;
  readonly code: string;
  readonly stage: string;
  readonly message: string;
  readonly attempts: string;
  readonly at: string;
  readonly raw: KafkaMessage;
}

/**
 * A marker record in the DLQ that resolves one dead letter (not the whole key): written by a
 * replay or discard of a single `--offset` while the key has other open entries. It carries no
 * `x-dlq-original-topic`, so the sinks' parking lots ignore it (the key stays parked).
 */
export const ResolutionHeader = {
  resolvedOffset: 'x-dlq-resolved-offset',
  resolution: 'x-dlq-resolution',
  reason: 'x-dlq-resolution-reason',
} as const;

const position = (e: { partition: number; offset: string }) => `${e.partition}/${e.offset}`;
const byOffset = (a: DeadLetterEntry, b: DeadLetterEntry) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset));

/** The entries of a consumer group's DLQ that are still open: after a key's last unpark marker, minus single resolutions. */
export const openDeadLetters = async (config: CommonEnv, log: Logger, group: string): Promise<{ topic: string; entries: DeadLetterEntry[] }> => {
  const kafka = cliKafka(config, log);
  const topic = `${config.TOPIC_PREFIX}${deadLetterTopic(group).name}`;
  let entries: DeadLetterEntry[] = [];
  await readTopicToEnd(kafka, topic, (message, partition) => {
    const key = message.key?.toString() ?? '';
    const action = text(message, DeadLetterHeader.action);
    if (action === 'unpark') {
      entries = entries.filter((e) => e.key !== key);
      return;
    }
    if (action === 'resolve') {
      const resolved = text(message, ResolutionHeader.resolvedOffset);
      entries = entries.filter((e) => position(e) !== resolved);
      return;
    }
    entries.push({
      partition, offset: message.offset, key,
      originalTopic: text(message, DeadLetterHeader.originalTopic),
      originalPartition: text(message, DeadLetterHeader.originalPartition),
      originalOffset: text(message, DeadLetterHeader.originalOffset),
      code: text(message, DeadLetterHeader.errorCode),
      stage: text(message, DeadLetterHeader.stage),
      message: text(message, DeadLetterHeader.errorMessage),
      attempts: text(message, DeadLetterHeader.attempts),
      at: text(message, DeadLetterHeader.lastFailureAt),
      raw: message,
    });
  });
  return { topic, entries };
};

/** Which dead letters an action applies to: one (`p/o` in the DLQ topic), a key's, or all. */
export type Selection = { offset: string } | { key: string } | { all: true };

export const parseOffset = (value: string): string => {
  if (!/^\d+\/\d+$/.test(value)) throw new Error(`expected <partition>/<offset> as printed by dlq list, e.g. 0/42, got "${value}"`);
  return value;
};

const select = (entries: DeadLetterEntry[], selection: Selection): { chosen: DeadLetterEntry[]; problem?: string } => {
  if ('all' in selection) return { chosen: [...entries].sort(byOffset) };
  if ('key' in selection) return { chosen: entries.filter((e) => e.key === selection.key).sort(byOffset) };
  const chosen = entries.filter((e) => position(e) === selection.offset);
  if (chosen.length === 0) return { chosen, problem: `no open dead letter at ${selection.offset}` };
  return { chosen };
};

export interface DeadLetterDetail {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly payload: { schemaId?: number; value?: unknown; error?: string; raw?: string };
}

/** One dead letter (open or not) with all its headers and its payload decoded with the writer schema from the registry. */
export const showDeadLetter = async (config: CommonEnv, log: Logger, group: string, selection: { offset: string } | { key: string }): Promise<DeadLetterDetail[]> => {
  const { topic, entries } = await openDeadLetters(config, log, group);
  const chosen = 'offset' in selection ? entries.filter((e) => position(e) === selection.offset) : entries.filter((e) => e.key === selection.key).sort(byOffset);
  const details: DeadLetterDetail[] = [];
  for (const entry of chosen) {
    details.push({ topic, partition: entry.partition, offset: entry.offset, key: entry.key, headers: headersOf(entry.raw), payload: await decodeAvro(config.SCHEMA_REGISTRY_URL, entry.raw.value) });
  }
  return details;
};

export interface ResolutionReport {
  readonly topic: string;
  readonly dryRun: boolean;
  readonly action: 'replay' | 'discard';
  readonly messages: Array<{ key: string; position: string; originalTopic: string; code: string }>;
  readonly keysResolved: string[];
  readonly problem?: string;
  readonly auditTopic?: string;
}

/**
 * Replays or discards dead letters and writes the resolution marker(s):
 * - replay re-publishes each chosen message to its original topic, in the key's order, with its
 *   original key, value and headers (minus `x-dlq-*`); the first of a key carries
 *   `x-tributary-replay: first` (lifts the key's parking in the sink), the rest `follow`;
 * - when every open entry of a key is chosen, one `unpark` marker resolves the key (the sinks'
 *   parking lots read it at start); otherwise one `resolve` marker per chosen entry;
 * - a single offset can be replayed only when it is its key's earliest open entry (order per key);
 * - everything, messages and markers, goes out in one produce request; then the action is
 *   recorded on tributary.audit.v1. `dryRun` only reports.
 * Replaying twice changes nothing: the sinks' ledgers and controlids make the effect happen once.
 */
export const resolveDeadLetters = async (
  config: CommonEnv, log: Logger, group: string, selection: Selection,
  options: { action: 'replay' | 'discard'; dryRun: boolean; approveReview?: boolean; reason?: string; quiet?: boolean },
): Promise<ResolutionReport> => {
  const { topic, entries } = await openDeadLetters(config, log, group);
  const { chosen, problem } = select(entries, selection);
  const report = (extra: Partial<ResolutionReport> = {}): ResolutionReport => ({
    topic, dryRun: options.dryRun, action: options.action,
    messages: chosen.map((e) => ({ key: e.key, position: position(e), originalTopic: e.originalTopic, code: e.code })),
    keysResolved: [...new Set(chosen.map((e) => e.key))].filter((key) => entries.filter((e) => e.key === key).every((e) => chosen.includes(e))),
    ...extra,
  });
  if (problem) return report({ problem });
  if (options.action === 'replay' && 'offset' in selection) {
    const entry = chosen[0]!;
    const earliest = entries.filter((e) => e.key === entry.key).sort(byOffset)[0]!;
    if (earliest !== entry) return report({ problem: `${selection.offset} is not the earliest open dead letter of key ${entry.key} (${position(earliest)} is): replay that first, or the whole key with --key` });
  }
  if (chosen.length === 0 || options.dryRun) return report();

  const byKey = new Map<string, DeadLetterEntry[]>();
  for (const entry of chosen) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  const kafka = cliKafka(config, log);
  const producer = await connectedProducer(kafka);
  const bar = progressBar(chosen.length, options.action === 'replay' ? 'replaying' : 'discarding', options.quiet);
  try {
    for (const [key, mine] of byKey) {
      const allOfKey = entries.filter((e) => e.key === key).length === mine.length;
      const resolution = { [ResolutionHeader.resolution]: options.action === 'replay' ? 'replayed' : 'discarded', ...(options.reason ? { [ResolutionHeader.reason]: options.reason.slice(0, 1000) } : {}) };
      const markers = allOfKey
        ? [{ topic, key, value: null, headers: { [DeadLetterHeader.action]: 'unpark', [DeadLetterHeader.originalTopic]: mine[0]!.originalTopic, ...resolution } }]
        : mine.map((e) => ({ topic, key, value: null, headers: { [DeadLetterHeader.action]: 'resolve', [ResolutionHeader.resolvedOffset]: position(e), ...resolution } }));
      const replays = options.action === 'replay'
        ? mine.map((entry, index) => {
          const headers: IHeaders = {};
          for (const [name, value] of Object.entries(entry.raw.headers ?? {})) if (!name.startsWith('x-dlq-') && value !== undefined) headers[name] = value;
          headers[OperatorHeader.replay] = index === 0 ? 'first' : 'follow';
          if (options.approveReview) headers['x-tributary-review'] = 'approved';
          return { topic: entry.originalTopic, key: entry.raw.key, value: entry.raw.value, headers };
        })
        : [];
      // One request per key: the replayed messages and the marker are acknowledged together, in order.
      await producer.sendAll([...replays, ...markers]);
      bar.tick(mine.length);
    }
    bar.stop();
    const auditTopic = await recordAudit(kafka, producer, config, {
      action: options.action === 'replay' ? 'dlq.replay' : 'dlq.discard', group, keys: [...byKey.keys()], offsets: chosen.map(position), count: chosen.length,
      ...(options.reason ? { reason: options.reason } : {}),
      details: { selection, approveReview: options.approveReview === true, codes: [...new Set(chosen.map((e) => e.code))] },
    });
    return report({ auditTopic });
  } finally {
    bar.stop();
    await producer.disconnect();
  }
};

/** The original command: replays a key's open dead letters (kept for scripts and tests). */
export const replayDeadLetters = async (config: CommonEnv, log: Logger, group: string, key: string, options: { approveReview: boolean }): Promise<number> => {
  const result = await resolveDeadLetters(config, log, group, { key }, { action: 'replay', dryRun: false, approveReview: options.approveReview, quiet: true });
  return result.messages.length;
};
