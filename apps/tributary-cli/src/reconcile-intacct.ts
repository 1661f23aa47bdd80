import { topics, type OrderEvent } from '@tributary/canonical-model';
import { IntacctClient, intacctClientOptions, type IntacctDate } from '@tributary/connectors-intacct';
import { AvroEventCodec, createKafkaClient, OperatorHeader, EventProducer, IsolatedDecoder, readTopicRange, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { reconcileSalesDocuments, type ReconciliationReport } from '@tributary/mapping-intacct';
import type { Logger } from '@tributary/observability';
import type { KafkaMessage } from 'kafkajs';
import type { CliConfig } from './cli.config.js';

/** Header on a re-enqueued order: the sink verifies the document even if its ledger says done. */
export const REQUEUE_HEADER = OperatorHeader.requeue;

export interface ReconcileOptions {
  readonly fromMs: number;
  readonly toMs: number;
  readonly transactionTypes: readonly string[];
  readonly requeueMissing: boolean;
  readonly progress: (line: string) => void;
}

const day = (ms: number): IntacctDate => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/**
 * `tributary reconcile intacct`: canonical orders created in Kafka between two times against the
 * sales documents Intacct holds for those days. Reads only; with `requeueMissing` it re-publishes
 * the original order messages of missing documents (the sink's idempotency makes that safe).
 * It never changes or deletes anything in the ERP.
 */
export const reconcileIntacct = async (config: CliConfig, log: Logger, options: ReconcileOptions): Promise<ReconciliationReport & { requeued: number }> => {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log });
  const topic = `${config.TOPIC_PREFIX}${topics.order.name}`;
  const decoder = new IsolatedDecoder();
  const intacct = new IntacctClient(intacctClientOptions(config));
  try {
    const codec = await AvroEventCodec.create<OrderEvent>({ registry: new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL), decoder, subject: `${topic}-value`, schema: topics.order.valueSchema });
    const raw: KafkaMessage[] = [];
    await readTopicRange(kafka, topic, { fromMs: options.fromMs, toMs: options.toMs }, (message) => raw.push(message));
    options.progress(`read ${raw.length} messages from ${topic}`);
    const decoded = await codec.decodeMany(raw.map((m) => m.value));
    const latest = new Map<string, { event: OrderEvent; message: KafkaMessage }>();
    decoded.forEach((result, i) => {
      if (result.ok && result.value.eventType === 'order.created') latest.set(result.value.order.orderId, { event: result.value, message: raw[i]! });
    });
    // Documents are dated by the order date, which need not fall in the Kafka period (an order placed
    // late on the 30th, a back-dated import): list the days of both.
    const orderDays = [...latest.values()].map((l) => l.event.order.orderedAt);
    const firstDay = Math.min(options.fromMs, ...orderDays);
    const lastDay = Math.max(options.toMs, ...orderDays);
    const documents = await intacct.listSalesDocuments(options.transactionTypes, day(firstDay), day(lastDay));
    options.progress(`read ${documents.length} sales documents from Intacct (${options.transactionTypes.join(', ')})`);
    const report = reconcileSalesDocuments([...latest.values()].map((l) => l.event.order), documents);

    let requeued = 0;
    if (options.requeueMissing) {
      const missing = report.findings.filter((f) => f.kind === 'missing' && f.orderId !== undefined);
      if (missing.length > 0) {
        const producer = new EventProducer(kafka);
        await producer.connect();
        try {
          await producer.sendAll(missing.map((f) => {
            const { message } = latest.get(f.orderId!)!;
            return { topic, key: message.key, value: message.value, headers: { ...message.headers, [REQUEUE_HEADER]: 'missing' } };
          }));
          requeued = missing.length;
        } finally {
          await producer.disconnect();
        }
        options.progress(`re-enqueued ${requeued} missing orders on ${topic}`);
      }
    }
    return { ...report, requeued };
  } finally {
    await intacct.close();
    await decoder.close();
  }
};
