import { topics, type ClarityWebhookReceived } from '@tributary/canonical-model';
import {
  AuditHeader,
  canonicalTopics,
  clarityWebhookRoutes,
  echoMarker,
  eventIdFor,
  isOlder,
  thinWebhookId,
  translateWebhook,
  withEntity,
  type CanonicalEncoders,
  type CanonicalTopic,
  type EntityPosition,
} from '@tributary/mapping-clarity';
import type { CommonEnv } from '@tributary/config';
import { isClarityWebhookEventType, readClarityWebhook } from '@tributary/connectors-clarity';
import { AvroEventCodec, createKafkaClient, EventProducer, IsolatedDecoder, kafkaSecurity, readTopicRange, SchemaRegistryClient, type OutgoingMessage } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { KafkaMessage } from 'kafkajs';

/** Header on a re-mapped record: where in the audit topic it came from. */
export const REMAPPED_FROM_HEADER = 'remapped-from';

export interface RemapOptions {
  readonly fromMs: number;
  readonly toMs: number;
  /** Only webhooks of this type (e.g. `order.created`). */
  readonly type?: string | undefined;
  /** Validate and map, publish nothing. */
  readonly dryRun: boolean;
  /** Our origin on writes to Clarity: `updatedBy: integration:<origin>` is our own echo (not re-mapped, as at intake). */
  readonly changeOrigin: string;
  readonly progress: (line: string) => void;
}

export interface RemapInvalid {
  readonly webhookId: string;
  readonly type: string;
  readonly at: string;
  readonly reason: string;
  readonly issues: ReadonlyArray<{ readonly path: string; readonly message: string }>;
}

export interface RemapReport {
  readonly topic: string;
  readonly from: string;
  readonly to: string;
  readonly dryRun: boolean;
  /** Audit records in the range (of the type, when one was given). */
  readonly read: number;
  /** Webhooks that map with the current code and mapping. */
  readonly remapped: number;
  /** Of those, published to their canonical topic (0 in a dry run). */
  readonly published: number;
  readonly byTopic: Readonly<Record<string, number>>;
  /** Audit records of a webhook id already seen in the range (a retry that reached another replica). */
  readonly duplicates: number;
  /** Our own changes echoed back by Clarity: never canonical events. */
  readonly echoes: number;
  /** Older than a state of the same entity received before it in the range: not produced, as at intake. */
  readonly olderStates: number;
  readonly invalid: readonly RemapInvalid[];
}

interface AuditRecord {
  readonly audit: ClarityWebhookReceived;
  readonly message: KafkaMessage;
  readonly partition: number;
}

const header = (message: KafkaMessage, name: string): string | undefined => {
  const value = message.headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString();
};

/**
 * `tributary clarity remap`: reads the raw webhooks stored in `clarity.webhook.v1` between two
 * times and runs them through the ingress's own router again (validate → map, with today's code
 * and mapping), then publishes the canonical records under the SAME event ids
 * (eventIdFor(webhook id)) and keys. Records the sinks already applied are dropped by their
 * idempotency ledgers; those that failed before (a mapping fixed since) now go through. The same
 * rules as at intake apply: one record per webhook id, none for our own echoes, none for a state
 * older than one received before it in the range. Thin webhooks are re-mapped from the entity
 * the ingress fetched and stored with the audit record (never fetched again: Clarity's entity may
 * have moved on since).
 */
export const remapClarityWebhooks = async (config: CommonEnv, log: Logger, options: RemapOptions): Promise<RemapReport> => {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const decoder = new IsolatedDecoder();
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const topicName = (name: string) => `${config.TOPIC_PREFIX}${name}`;
  const auditTopic = topicName(topics.clarityWebhook.name);
  const window = { from: new Date(options.fromMs).toISOString(), to: new Date(options.toMs).toISOString() };
  const invalid: RemapInvalid[] = [];
  try {
    const codec = await AvroEventCodec.create<ClarityWebhookReceived>({ registry, decoder, subject: `${auditTopic}-value`, schema: topics.clarityWebhook.valueSchema });
    const raw: Array<{ message: KafkaMessage; partition: number }> = [];
    await readTopicRange(kafka, auditTopic, { fromMs: options.fromMs, toMs: options.toMs }, (message, partition) => raw.push({ message, partition }));
    const decoded = await codec.decodeMany(raw.map((r) => r.message.value));
    const records: AuditRecord[] = [];
    decoded.forEach((result, i) => {
      const { message, partition } = raw[i]!;
      if (result.ok) records.push({ audit: result.value, message, partition });
      else invalid.push({ webhookId: message.key?.toString() ?? '?', type: header(message, 'event-type') ?? '?', at: new Date(Number(message.timestamp)).toISOString(), reason: `undecodable audit record: ${result.error.message}`, issues: [] });
    });
    // Receipt order across partitions, so "older than what came before" means what it meant at intake.
    records.sort((a, b) => a.audit.receivedAt - b.audit.receivedAt || Number(BigInt(a.message.offset) - BigInt(b.message.offset)));
    const selected = options.type === undefined ? records : records.filter((r) => r.audit.eventType === options.type);
    options.progress(`read ${raw.length} webhooks from ${auditTopic} (${window.from} → ${window.to})${options.type ? `, ${selected.length} of type ${options.type}` : ''}`);

    const seen = new Set<string>();
    const newest = new Map<string, EntityPosition>();
    const out: Array<{ topic: CanonicalTopic; message: Omit<OutgoingMessage, 'value'>; encode: (encoders: CanonicalEncoders) => Buffer }> = [];
    let duplicates = 0;
    let echoes = 0;
    let olderStates = 0;
    for (const [index, { audit, message, partition }] of selected.entries()) {
      if ((index + 1) % 1000 === 0) options.progress(`re-mapped ${index + 1}/${selected.length}`);
      const refuse = (reason: string, issues: RemapInvalid['issues'] = []) =>
        invalid.push({ webhookId: audit.webhookId, type: audit.eventType, at: new Date(audit.receivedAt).toISOString(), reason, issues });
      if (seen.has(audit.webhookId)) { duplicates++; continue; }
      seen.add(audit.webhookId);

      const read = readClarityWebhook(audit.body);
      if (!read.ok) { refuse(`${read.error.reason}`, read.error.issues); continue; }
      const type = read.value.envelope.type;
      if (!isClarityWebhookEventType(type)) { refuse(`unsupported event type ${type}`); continue; }
      let json = read.value.json;
      if (thinWebhookId(json) !== null) {
        const entity = header(message, AuditHeader.entity);
        if (entity === undefined) { refuse('thin webhook without the entity fetched at intake'); continue; }
        json = withEntity(json, JSON.parse(entity));
      }
      const translated = translateWebhook(clarityWebhookRoutes, type, json, { eventId: eventIdFor(audit.webhookId), correlationId: audit.correlationId, receivedAt: audit.receivedAt }, echoMarker(options.changeOrigin));
      if (!translated.ok) {
        const refusal = translated.error;
        if (refusal.kind === 'unmappable') refuse(`${refusal.error.code}: ${refusal.error.message}`, typeof refusal.error.details['path'] === 'string' ? [{ path: refusal.error.details['path'], message: refusal.error.message }] : []);
        else refuse(refusal.rejection.reason, refusal.rejection.issues);
        continue;
      }
      const { record, position, echo } = translated.value;
      if (echo) { echoes++; continue; }
      if (position !== null) {
        const known = newest.get(position.entity);
        if (known !== undefined && isOlder(position, known)) { olderStates++; continue; }
        newest.set(position.entity, position);
      }
      out.push({
        topic: record.topic,
        message: {
          topic: topicName(canonicalTopics[record.topic].name),
          key: record.key,
          headers: { 'correlation-id': audit.correlationId, 'event-type': type, [REMAPPED_FROM_HEADER]: `${auditTopic}/${partition}/${message.offset}` },
        },
        encode: record.encode,
      });
    }

    const byTopic: Record<string, number> = {};
    for (const { message } of out) byTopic[message.topic] = (byTopic[message.topic] ?? 0) + 1;
    let published = 0;
    if (!options.dryRun && out.length > 0) {
      const encoders = await canonicalEncoders(registry, decoder, topicName);
      const producer = new EventProducer(kafka);
      await producer.connect();
      try {
        for (let start = 0; start < out.length; start += 500) {
          const chunk = out.slice(start, start + 500);
          await producer.sendAll(chunk.map(({ message, encode }) => ({ ...message, value: encode(encoders) })));
          published += chunk.length;
          options.progress(`published ${published}/${out.length}`);
        }
      } finally {
        await producer.disconnect();
      }
    }
    return { topic: auditTopic, ...window, dryRun: options.dryRun, read: selected.length, remapped: out.length, published, byTopic, duplicates, echoes, olderStates, invalid };
  } finally {
    await decoder.close();
  }
};

const canonicalEncoders = async (registry: SchemaRegistryClient, decoder: IsolatedDecoder, topicName: (name: string) => string): Promise<CanonicalEncoders> => {
  const entries = await Promise.all(
    (Object.keys(canonicalTopics) as CanonicalTopic[]).map(async (topic) => {
      const spec = canonicalTopics[topic];
      return [topic, await AvroEventCodec.create({ registry, decoder, subject: `${topicName(spec.name)}-value`, schema: spec.valueSchema })] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as CanonicalEncoders;
};

/** The summary a person reads: counts, then each webhook that still does not map, and why. */
export const renderRemapReport = (report: RemapReport): string => {
  const lines = [
    `clarity remap ${report.from} → ${report.to}${report.dryRun ? ' (dry run: nothing published)' : ''}`,
    `  read           ${String(report.read).padStart(6)}  from ${report.topic}`,
    `  re-mapped      ${String(report.remapped).padStart(6)}  ${Object.entries(report.byTopic).map(([topic, n]) => `${topic} ${n}`).join(', ')}`,
    `  published      ${String(report.published).padStart(6)}  (same event ids and keys: the sinks apply each once)`,
    `  duplicates     ${String(report.duplicates).padStart(6)}`,
    `  echoes         ${String(report.echoes).padStart(6)}  (our own changes, never canonical)`,
    `  older states   ${String(report.olderStates).padStart(6)}  (a newer state came first, not produced)`,
    `  still invalid  ${String(report.invalid.length).padStart(6)}`,
  ];
  for (const bad of report.invalid) {
    lines.push(`    ${bad.webhookId.padEnd(34)} ${bad.type.padEnd(18)} ${bad.at}  ${bad.reason}`);
    for (const issue of bad.issues) lines.push(`      ${issue.path}: ${issue.message}`);
  }
  return lines.join('\n');
};
