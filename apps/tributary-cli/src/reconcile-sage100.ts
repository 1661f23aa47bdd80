import { z } from 'zod';
import { topics, type CrossReference, type OrderEvent, type PaymentEvent, type TopicDefinition } from '@tributary/canonical-model';
import { commonEnvSchema } from '@tributary/config';
import { Sage100Client, sage100ClientOptions, sage100EnvSchema, type Sage100CashReceipt } from '@tributary/connectors-sage100';
import { AvroEventCodec, createKafkaClient, EventProducer, IsolatedDecoder, kafkaSecurity, OperatorHeader, readTopicRange, readTopicToEnd, SchemaRegistryClient } from '@tributary/kafka-runtime';
import {
  capturedPayment, combineReconciliation, reconcileSage100Orders, reconcileSage100Payments, sage100ReceiptReference,
  type ReceivedPayment, type ReconciliationReport, type Sage100OrderOnFile,
} from '@tributary/mapping-sage100';
import type { Logger } from '@tributary/observability';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** What `tributary reconcile sage100` and `tributary sage100 held` need: Kafka and the Sage 100 facade. */
export const sage100CliEnvSchema = commonEnvSchema.extend(sage100EnvSchema.shape);
export type Sage100CliConfig = z.infer<typeof sage100CliEnvSchema>;

export interface ReconcileSage100Options {
  readonly fromMs: number;
  readonly toMs: number;
  /** Companies to read (default: SAGE100_COMPANY_CODE); orders are matched across all of them. */
  readonly companies: readonly string[];
  readonly requeueMissing: boolean;
  readonly progress: (line: string) => void;
}

/** An order waiting in the sink instead of being placed, as the ledger records it. */
export interface HeldOrderRow {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly kind: string;
  readonly reason: string;
  readonly heldAt: string;
  readonly deadline: string;
}

interface Carried<T> {
  readonly value: T;
  readonly message: KafkaMessage;
  readonly topic: string;
}

const kafkaFor = (config: Sage100CliConfig, log: Logger) => createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `tributary sage100 held`: the orders sage100-sink holds (stock, credit, unknown customer), from integration.xref.v1. */
export const listHeldSage100Orders = async (config: Pick<Sage100CliConfig, 'KAFKA_BROKERS' | 'SCHEMA_REGISTRY_URL' | 'TOPIC_PREFIX'> & Partial<Sage100CliConfig>, log: Logger): Promise<HeldOrderRow[]> => {
  const kafka = kafkaFor(config as Sage100CliConfig, log);
  const decoder = new IsolatedDecoder();
  try {
    const topic = `${config.TOPIC_PREFIX}${topics.xref.name}`;
    const codec = await AvroEventCodec.create<CrossReference>({ registry: new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL), decoder, subject: `${topic}-value`, schema: topics.xref.valueSchema });
    const values: Array<Buffer | null> = [];
    await readTopicToEnd(kafka, topic, (message) => { if (message.key?.toString().startsWith('sage100:held:')) values.push(message.value); });
    const latest = new Map<string, CrossReference>();
    for (const decoded of await codec.decodeMany(values)) if (decoded.ok) latest.set(decoded.value.key, decoded.value);
    return [...latest.values()].flatMap((entry) => {
      if (entry.status !== 'HELD' || !entry.detail) return [];
      const held = JSON.parse(entry.detail) as { orderId: string; orderNumber: string; kind: string; reason: string; heldAt: number; deadline: number };
      return [{ orderId: held.orderId, orderNumber: held.orderNumber, kind: held.kind, reason: held.reason, heldAt: new Date(held.heldAt).toISOString(), deadline: new Date(held.deadline).toISOString() }];
    });
  } finally {
    await decoder.close();
  }
};

export const renderHeldOrders = (rows: readonly HeldOrderRow[]): string =>
  rows.length === 0 ? 'no orders are held' : [
    `${'order'.padEnd(16)}${'kind'.padEnd(10)}${'held since'.padEnd(26)}reason`,
    ...rows.map((r) => `${r.orderNumber.padEnd(16)}${r.kind.padEnd(10)}${r.heldAt.padEnd(26)}${r.reason}`),
  ].join('\n');

/**
 * `tributary reconcile sage100`: what Kafka says happened between two times against what Sage 100
 * holds, with the rules of the Intacct reconciliation (mapping-intacct `reconcileRecords`). Orders
 * (latest snapshot; cancelled ones and those the sink holds excluded) against sales orders of
 * every company — one per Clarity order (a split's two halves count as one), the same
 * CustomerPONo twice is a duplicate, totals and item lines compared for open orders; captured
 * payments against deposits by Reference. Reads only; `requeueMissing` re-publishes the messages
 * of missing records with the requeue header.
 */
export const reconcileSage100 = async (config: Sage100CliConfig, log: Logger, options: ReconcileSage100Options): Promise<ReconciliationReport & { requeued: number; held: number }> => {
  const kafka = kafkaFor(config, log);
  const decoder = new IsolatedDecoder();
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const clients = options.companies.map((companyCode) => new Sage100Client(sage100ClientOptions(config, { companyCode })));
  const read = async <T>(definition: TopicDefinition & { valueSchema: object }): Promise<Array<Carried<T>>> => {
    const topic = `${config.TOPIC_PREFIX}${definition.name}`;
    const codec = await AvroEventCodec.create<T>({ registry, decoder, subject: `${topic}-value`, schema: definition.valueSchema });
    const raw: KafkaMessage[] = [];
    await readTopicRange(kafka, topic, { fromMs: options.fromMs, toMs: options.toMs }, (message) => raw.push(message));
    const decoded = await codec.decodeMany(raw.map((m) => m.value));
    options.progress(`read ${raw.length} messages from ${topic}`);
    return decoded.flatMap((result, i) => (result.ok ? [{ value: result.value, message: raw[i]!, topic }] : []));
  };

  try {
    const held = new Set((await listHeldSage100Orders(config, log)).map((h) => h.orderId));
    const latest = new Map<string, Carried<OrderEvent>>();
    for (const carried of await read<OrderEvent>(topics.order)) {
      const known = latest.get(carried.value.order.orderId);
      if (!known || carried.value.occurredAt >= known.value.occurredAt) latest.set(carried.value.order.orderId, carried);
    }
    const orders = [...latest.values()].filter((c) => c.value.eventType !== 'order.cancelled' && c.value.eventType !== 'order.fulfilled' && !held.has(c.value.order.orderId));
    const captures = (await read<PaymentEvent>(topics.payment)).filter((c) => c.value.eventType === 'payment.captured');

    // Sales orders are dated by the order date, which need not fall in the Kafka period: take the days of both.
    const times = orders.map((c) => c.value.order.orderedAt);
    const from = day(Math.min(options.fromMs, ...times));
    const to = day(Math.max(options.toMs, ...times));
    const onFile: Sage100OrderOnFile[] = [];
    for (const sage of clients) {
      const [open, history] = await Promise.all([sage.listSalesOrdersChangedSince(0), sage.listSalesOrderHistoryChangedSince(0)]);
      const ours = <T extends { OrderDate: string; UDF_CLARITY_ORDER?: string | undefined }>(rows: T[]) => rows.filter((r) => r.UDF_CLARITY_ORDER && r.OrderDate >= from && r.OrderDate <= to);
      onFile.push(...ours(open).map((o) => ({ company: sage.companyCode, open: o })), ...ours(history).map((h) => ({ company: sage.companyCode, history: h })));
    }
    options.progress(`read ${onFile.length} Clarity sales orders from Sage 100 (${options.companies.join(', ')}, ${from} to ${to})`);

    const payments = new Map<string, { payment: ReceivedPayment; carried: Carried<PaymentEvent> }>();
    for (const carried of captures) {
      const payment = capturedPayment(carried.value.payment);
      payments.set(sage100ReceiptReference(payment), { payment, carried });
    }
    const receipts: Sage100CashReceipt[] = [];
    for (const reference of payments.keys()) {
      for (const sage of clients) receipts.push(...(await sage.findCashReceiptsByReference(reference)));
    }
    options.progress(`read ${receipts.length} cash receipts from Sage 100`);

    const report = combineReconciliation({
      order: reconcileSage100Orders(orders.map((c) => c.value.order), onFile),
      payment: reconcileSage100Payments([...payments.values()].map((p) => p.payment), receipts),
    });

    let requeued = 0;
    if (options.requeueMissing) {
      const missing = report.findings.filter((f) => f.kind === 'missing');
      const messages = missing.flatMap((f) => {
        const carried = f.record === 'order' ? latest.get(f.orderId ?? '') : payments.get(f.reference)?.carried;
        return carried ? [carried] : [];
      });
      requeued = await republish(kafka, messages);
      if (requeued > 0) options.progress(`re-enqueued ${requeued} messages for ${missing.length} missing records`);
    }
    return { ...report, requeued, held: held.size };
  } finally {
    for (const client of clients) await client.close();
    await decoder.close();
  }
};

/** The report as a table: one summary line per kind of record, then the findings. */
export const renderSage100Report = (report: ReconciliationReport & { requeued: number; held: number }): string => {
  const lines = Object.entries(report.sections).map(([kind, s]) =>
    `${`${kind}s`.padEnd(9)} in Kafka: ${String(s.expected).padStart(6)}   in Sage 100: ${String(s.found).padStart(6)}   matched: ${String(s.matched).padStart(6)}   missing: ${s.counts.missing}   duplicate: ${s.counts.duplicate}   mismatched: ${s.counts.mismatched}   orphan: ${s.counts.orphan}`);
  if (report.held) lines.push(`held in the sink (not expected yet; see tributary sage100 held): ${report.held}`);
  if (report.requeued) lines.push(`re-enqueued: ${report.requeued}`);
  if (report.findings.length > 0) {
    lines.push('', `${'finding'.padEnd(11)}${'record'.padEnd(9)}${'reference'.padEnd(22)}${'in Sage 100'.padEnd(30)}detail`);
    for (const f of report.findings) lines.push(`${f.kind.padEnd(11)}${f.record.padEnd(9)}${f.reference.padEnd(22)}${(f.documents.join(', ') || '-').padEnd(30)}${f.detail}`);
  } else lines.push('', 'Kafka and Sage 100 agree.');
  return lines.join('\n');
};

const republish = async (kafka: Kafka, messages: ReadonlyArray<Carried<unknown>>): Promise<number> => {
  if (messages.length === 0) return 0;
  const producer = new EventProducer(kafka);
  await producer.connect();
  try {
    await producer.sendAll(messages.map(({ topic, message }) => ({ topic, key: message.key, value: message.value, headers: { ...message.headers, [OperatorHeader.requeue]: 'missing' } })));
    return messages.length;
  } finally {
    await producer.disconnect();
  }
};
