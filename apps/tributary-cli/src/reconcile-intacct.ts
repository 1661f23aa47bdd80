import { topics, type OrderEvent, type PaymentEvent, type ReturnEvent, type TopicDefinition } from '@tributary/canonical-model';
import { IntacctClient, intacctClientOptions, type IntacctDate, type IntacctSalesDocumentRef } from '@tributary/connectors-intacct';
import { AvroEventCodec, createKafkaClient, kafkaSecurity, OperatorHeader, EventProducer, IsolatedDecoder, readTopicRange, SchemaRegistryClient } from '@tributary/kafka-runtime';
import {
  capturedPayment, cashReceiptReference, checkoutPayment, combineReconciliation, reconcileOrders, reconcilePayments, reconcileReturns,
  type ReceivedPayment, type ReconciliationReport,
} from '@tributary/mapping-intacct';
import type { Logger } from '@tributary/observability';
import type { Kafka, KafkaMessage } from 'kafkajs';
import type { CliConfig } from './cli.config.js';

/** Header on a re-enqueued message: the sink verifies the record even if its ledger says done. */
export const REQUEUE_HEADER = OperatorHeader.requeue;

export interface ReconcileOptions {
  readonly fromMs: number;
  readonly toMs: number;
  /** The transaction definitions orders become (sales orders and invoices). */
  readonly transactionTypes: readonly string[];
  /** Of those, the ones that post an AR invoice: their checkout payment must be a cash receipt. */
  readonly invoiceTransactionTypes: readonly string[];
  /** The transaction definitions returns become (credit memos). */
  readonly creditTransactionTypes: readonly string[];
  readonly requeueMissing: boolean;
  readonly progress: (line: string) => void;
}

const day = (ms: number): IntacctDate => {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** A canonical record as reconciliation needs it: the value and the message that carried it (for re-enqueue). */
interface Carried<T> {
  readonly value: T;
  readonly message: KafkaMessage;
  readonly topic: string;
}

/**
 * `tributary reconcile intacct`: what Kafka says happened between two times against what Intacct
 * holds. Orders (their latest snapshot, cancelled ones excluded) against sales documents —
 * total, currency and line count; returns against credit memos; payments (captures, and the
 * checkout payment of invoiced orders) against cash receipts. Reads only; with `requeueMissing`
 * it re-publishes the messages of missing records (the sinks' idempotency makes that safe). It
 * never changes or deletes anything in the ERP.
 */
export const reconcileIntacct = async (config: CliConfig, log: Logger, options: ReconcileOptions): Promise<ReconciliationReport & { requeued: number }> => {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const decoder = new IsolatedDecoder();
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  const intacct = new IntacctClient(intacctClientOptions(config));
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
    // The latest snapshot of each order; a cancelled order should have no document.
    const latest = new Map<string, Carried<OrderEvent>>();
    for (const carried of await read<OrderEvent>(topics.order)) {
      const known = latest.get(carried.value.order.orderId);
      if (!known || carried.value.occurredAt >= known.value.occurredAt) latest.set(carried.value.order.orderId, carried);
    }
    const orders = [...latest.values()].filter((c) => c.value.eventType !== 'order.cancelled' && c.value.eventType !== 'order.fulfilled');
    const returns = new Map<string, Carried<ReturnEvent>>();
    for (const carried of await read<ReturnEvent>(topics.return)) if (carried.value.eventType === 'return.created') returns.set(carried.value.return.returnId, carried);
    const captures = (await read<PaymentEvent>(topics.payment)).filter((c) => c.value.eventType === 'payment.captured');

    // Documents are dated by the order date, which need not fall in the Kafka period (an order
    // placed late on the 30th, a back-dated import): list the days of both.
    const span = (times: number[]) => ({ from: day(Math.min(options.fromMs, ...times)), to: day(Math.max(options.toMs, ...times)) });
    const orderDays = span(orders.map((c) => c.value.order.orderedAt));
    const documents = await intacct.listSalesDocuments(options.transactionTypes, orderDays.from, orderDays.to);
    const returnDays = span([...returns.values()].map((c) => c.value.return.createdAt));
    const creditMemos = options.creditTransactionTypes.length === 0 ? [] : await intacct.listSalesDocuments(options.creditTransactionTypes, returnDays.from, returnDays.to);
    const lineCounts = await intacct.countSalesDocumentLines([...documents, ...creditMemos].map((d) => d.key));
    options.progress(`read ${documents.length} sales documents (${options.transactionTypes.join(', ')}) and ${creditMemos.length} credit memos from Intacct, with their lines`);

    // Payments that must be receipts: captures, and checkout payments of orders Intacct invoiced.
    const isInvoice = (d: IntacctSalesDocumentRef) => options.invoiceTransactionTypes.some((t) => d.key.startsWith(`${t}-`));
    const invoiced = new Set(documents.filter(isInvoice).map((d) => d.referenceNo));
    const payments = new Map<string, { payment: ReceivedPayment; carried: Carried<OrderEvent> | Carried<PaymentEvent> }>();
    for (const carried of orders) {
      const payment = checkoutPayment(carried.value.order);
      if (payment && carried.value.order.payment?.status === 'captured' && invoiced.has(carried.value.order.orderNumber)) payments.set(cashReceiptReference(payment), { payment, carried });
    }
    for (const carried of captures) {
      const payment = capturedPayment(carried.value.payment);
      if (!payments.has(cashReceiptReference(payment))) payments.set(cashReceiptReference(payment), { payment, carried });
    }
    const paymentDays = span([...payments.values()].map((p) => p.payment.receivedAt));
    const receipts = await intacct.listArPayments(paymentDays.from, paymentDays.to);
    options.progress(`read ${receipts.length} cash receipts from Intacct`);

    const report = combineReconciliation({
      order: reconcileOrders(orders.map((c) => c.value.order), documents, lineCounts),
      return: reconcileReturns([...returns.values()].map((c) => c.value.return), creditMemos, lineCounts),
      payment: reconcilePayments([...payments.values()].map((p) => p.payment), receipts),
    });

    let requeued = 0;
    if (options.requeueMissing) {
      const missing = report.findings.filter((f) => f.kind === 'missing');
      const messages = missing.flatMap((f) => {
        const carried = f.record === 'order' ? latest.get(f.orderId ?? '') : f.record === 'return' ? returns.get(f.sourceId ?? '') : payments.get(f.reference)?.carried;
        return carried ? [carried] : [];
      });
      // An order re-enqueued for its document and for its receipt is sent once.
      const unique = [...new Map(messages.map((c) => [`${c.topic}:${c.message.offset}:${c.message.key?.toString()}`, c])).values()];
      requeued = await republish(kafka, unique);
      if (requeued > 0) options.progress(`re-enqueued ${requeued} messages for ${missing.length} missing records`);
    }
    return { ...report, requeued };
  } finally {
    await intacct.close();
    await decoder.close();
  }
};

const republish = async (kafka: Kafka, messages: ReadonlyArray<Carried<unknown>>): Promise<number> => {
  if (messages.length === 0) return 0;
  const producer = new EventProducer(kafka);
  await producer.connect();
  try {
    await producer.sendAll(messages.map(({ topic, message }) => ({ topic, key: message.key, value: message.value, headers: { ...message.headers, [REQUEUE_HEADER]: 'missing' } })));
    return messages.length;
  } finally {
    await producer.disconnect();
  }
};
