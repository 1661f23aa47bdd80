import { hostname, userInfo } from 'node:os';
import { SingleBar, Presets } from 'cli-progress';
import { topics } from '@tributary/canonical-model';
import type { CommonEnv } from '@tributary/config';
import { compileAvroType, createKafkaClient, EventProducer, kafkaSecurity, provisionTopics, readSchemaHeader, withPrefix } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** The Kafka client the CLI uses: the same settings as the services. */
export const cliKafka = (config: CommonEnv, log: Logger): Kafka =>
  createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });

export const headerText = (message: KafkaMessage, name: string): string => {
  const value = message.headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
};

export const headersOf = (message: KafkaMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) out[name] = headerText(message, name);
  return out;
};

/** One operator action, as written to tributary.audit.v1 (JSON). */
export interface AuditRecord {
  readonly action: 'dlq.replay' | 'dlq.discard' | 'replay.window';
  readonly group: string;
  readonly keys: readonly string[];
  readonly offsets: readonly string[];
  readonly count: number;
  readonly reason?: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Appends an operator action to `tributary.audit.v1` (created when missing): who (OS user and
 * host, or TRIBUTARY_OPERATOR), what, when. Dry runs are not recorded.
 */
export const recordAudit = async (kafka: Kafka, producer: EventProducer, config: CommonEnv, record: AuditRecord): Promise<string> => {
  const spec = withPrefix(topics.audit, config.TOPIC_PREFIX);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await provisionTopics(admin, [spec]);
  } finally {
    await admin.disconnect();
  }
  const operator = process.env['TRIBUTARY_OPERATOR'] || `${safeUser()}@${hostname()}`;
  const value = { ...record, operator, at: new Date().toISOString() };
  await producer.send({ topic: spec.name, key: record.group, value: Buffer.from(JSON.stringify(value)), headers: { 'content-type': 'application/json', 'x-tributary-audit-action': record.action } });
  return spec.name;
};

const safeUser = (): string => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

export const connectedProducer = async (kafka: Kafka): Promise<EventProducer> => {
  const producer = new EventProducer(kafka);
  await producer.connect();
  return producer;
};

/** A progress bar on stderr when it is a terminal (and not --json); silent when piped. */
export const progressBar = (total: number, label: string, quiet = false): { tick: (n?: number) => void; stop: () => void } => {
  if (quiet || !process.stderr.isTTY || total < 2) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {percentage}% | eta {eta_formatted}`, stream: process.stderr, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { tick: (n = 1) => bar.increment(n), stop: () => bar.stop() };
};

const schemaCache = new Map<number, ReturnType<typeof compileAvroType>>();

/**
 * Decodes a Confluent-framed Avro value with its writer schema from the registry (operator tool:
 * in-process, no isolation). Returns the value, or the raw text and why it could not be decoded.
 */
export const decodeAvro = async (registryUrl: string, value: Buffer | null): Promise<{ schemaId?: number; value?: unknown; error?: string; raw?: string }> => {
  if (value === null) return { value: null };
  try {
    const { schemaId, body } = readSchemaHeader(value);
    let type = schemaCache.get(schemaId);
    if (!type) {
      const response = await fetch(`${registryUrl}/schemas/ids/${schemaId}`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`schema ${schemaId}: the registry answered ${response.status}`);
      const { schema } = (await response.json()) as { schema: string };
      type = compileAvroType(schema);
      schemaCache.set(schemaId, type);
    }
    return { schemaId, value: type.fromBuffer(body) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), raw: value.toString('utf8').replace(/[^\x20-\x7e]/g, '.').slice(0, 2000) };
  }
};

/** JSON for values that may hold Buffers and bigints. */
export const toJson = (value: unknown, indent = 2): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data) ? Buffer.from((v as { data: number[] }).data).toString('base64') : v), indent);
