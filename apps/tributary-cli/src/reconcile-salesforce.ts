import { z } from 'zod';
import { topics, type CustomerEvent, type OrderEvent, type TopicDefinition } from '@tributary/canonical-model';
import { commonEnvSchema } from '@tributary/config';
import { SalesforceClient, salesforceClientOptions, salesforceEnvSchema, soqlString } from '@tributary/connectors-salesforce';
import { AvroEventCodec, createKafkaClient, EventProducer, IsolatedDecoder, kafkaSecurity, OperatorHeader, readTopicRange, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import {
  combineSalesforceReconciliation, reconcileSalesforceRecords, salesforceAmount, toSalesforceCustomer,
  type FoundSfRecord, type SalesforceReconciliation,
} from '@tributary/mapping-salesforce';
import type { Logger } from '@tributary/observability';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** What `tributary reconcile salesforce` needs: Kafka, the org, and the mapping file (which customers are synced, external ids). */
export const salesforceCliEnvSchema = commonEnvSchema.extend(salesforceEnvSchema.shape).extend({
  MAPPING_FILE: z.string().min(1).default('config/mappings/default.yaml'),
});
export type SalesforceCliConfig = z.infer<typeof salesforceCliEnvSchema>;

export interface ReconcileSalesforceOptions {
  readonly fromMs: number;
  readonly toMs: number;
  readonly requeueMissing: boolean;
  readonly progress: (line: string) => void;
}

interface Carried<T> {
  readonly value: T;
  readonly message: KafkaMessage;
  readonly topic: string;
}

type Row = Record<string, unknown>;
const createdIn = (row: Row, fromMs: number, toMs: number): boolean => {
  const created = Date.parse(String(row['CreatedDate'] ?? '').replace(/\+0000$/, 'Z'));
  return !Number.isFinite(created) || (created >= fromMs && created <= toMs);
};

/**
 * `tributary reconcile salesforce`: canonical customers and orders in Kafka (latest state in the
 * period) against Accounts, Contacts and Orders (or Opportunities) in Salesforce by external id —
 * missing, duplicate (several records with one external id), orphan (our external id on a record
 * created in the period that Kafka does not know), mismatched (the rolled-up amount = Σ quantity ×
 * unit price, the item count). Customers the mapping file does not sync, or that wait for review
 * (no last name), are not expected. Reads only; `requeueMissing` re-publishes the latest message
 * of each missing customer or order with the requeue header (the sink then writes it again).
 */
export const reconcileSalesforce = async (config: SalesforceCliConfig, log: Logger, options: ReconcileSalesforceOptions): Promise<SalesforceReconciliation & { requeued: number; apiCalls: number }> => {
  const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: 'tributary-cli', logger: log, ...kafkaSecurity(config) });
  const decoder = new IsolatedDecoder();
  const registry = new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL);
  let apiCalls = 0;
  const sf = new SalesforceClient(salesforceClientOptions(config, { onRequest: () => { apiCalls++; } }));
  const rules = loadMappingConfig(config.MAPPING_FILE).salesforce;
  const read = async <T>(definition: TopicDefinition & { valueSchema: object }): Promise<Array<Carried<T>>> => {
    const topic = `${config.TOPIC_PREFIX}${definition.name}`;
    const codec = await AvroEventCodec.create<T>({ registry, decoder, subject: `${topic}-value`, schema: definition.valueSchema });
    const raw: KafkaMessage[] = [];
    await readTopicRange(kafka, topic, { fromMs: options.fromMs, toMs: options.toMs }, (message) => raw.push(message));
    const decoded = await codec.decodeMany(raw.map((m) => m.value));
    options.progress(`read ${raw.length} messages from ${topic}`);
    return decoded.flatMap((result, i) => (result.ok ? [{ value: result.value, message: raw[i]!, topic }] : []));
  };
  const all = async (soql: string): Promise<Row[]> => (await sf.query<Row>(soql)).records;
  const byIds = async (soql: (ids: string) => string, ids: readonly string[]): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let i = 0; i < ids.length; i += 100) rows.push(...(await all(soql(ids.slice(i, i + 100).map(soqlString).join(', ')))));
    return rows;
  };

  try {
    const latestCustomers = new Map<string, Carried<CustomerEvent>>();
    for (const carried of await read<CustomerEvent>(topics.customer)) {
      if (carried.value.source === 'salesforce') continue;
      const known = latestCustomers.get(carried.value.customer.customerId);
      if (!known || carried.value.customer.modifiedAt >= known.value.customer.modifiedAt) latestCustomers.set(carried.value.customer.customerId, carried);
    }
    const latestOrders = new Map<string, Carried<OrderEvent>>();
    for (const carried of await read<OrderEvent>(topics.order)) {
      const known = latestOrders.get(carried.value.order.orderId);
      if (!known || carried.value.occurredAt >= known.value.occurredAt) latestOrders.set(carried.value.order.orderId, carried);
    }
    const orders = [...latestOrders.values()].filter((c) => c.value.eventType !== 'order.cancelled' && c.value.source !== 'salesforce');

    const recordTypes = new Map((await all("SELECT Id, Name, DeveloperName FROM RecordType WHERE SobjectType = 'Account'")).flatMap((r) => [[String(r['DeveloperName']), String(r['Id'])], [String(r['Name']), String(r['Id'])]] as Array<[string, string]>));
    const expectedAccounts: Array<{ reference: string; describe: string }> = [];
    const expectedContacts: Array<{ reference: string; describe: string }> = [];
    let notSynced = 0;
    for (const { value } of latestCustomers.values()) {
      const plan = await toSalesforceCustomer(value.customer, rules, recordTypes).catch(() => undefined);
      if (!plan || plan.kind !== 'upsert') { notSynced++; continue; }
      expectedAccounts.push({ reference: value.customer.customerId, describe: `customer ${value.customer.customerId}` });
      if (plan.contact) expectedContacts.push({ reference: value.customer.customerId, describe: `the contact of customer ${value.customer.customerId}` });
    }
    if (notSynced > 0) options.progress(`${notSynced} customers are not expected in Salesforce (outside salesforce.syncWhen or waiting for review)`);

    const ext = rules.externalIds;
    const accounts = await all(`SELECT Id, ${ext.customer}, CreatedDate FROM Account WHERE ${ext.customer} != null`);
    const contacts = await all(`SELECT Id, ${ext.customer}, CreatedDate FROM Contact WHERE ${ext.customer} != null`);
    const sfOrders = await all(`SELECT Id, ${ext.order}, TotalAmount, CreatedDate FROM Order WHERE ${ext.order} != null`);
    const opportunities = await all(`SELECT Id, ${ext.order}, Amount, CreatedDate FROM Opportunity WHERE ${ext.order} != null`);
    const orderItems = await byIds((ids) => `SELECT Id, OrderId FROM OrderItem WHERE OrderId IN (${ids})`, sfOrders.map((o) => String(o['Id'])));
    const lineItems = await byIds((ids) => `SELECT Id, OpportunityId FROM OpportunityLineItem WHERE OpportunityId IN (${ids})`, opportunities.map((o) => String(o['Id'])));
    options.progress(`read ${accounts.length} accounts, ${contacts.length} contacts, ${sfOrders.length} orders and ${opportunities.length} opportunities with external ids from Salesforce`);
    const count = (rows: Row[], field: string) => rows.reduce((m, r) => m.set(String(r[field]), (m.get(String(r[field])) ?? 0) + 1), new Map<string, number>());
    const itemsByOrder = count(orderItems, 'OrderId');
    const itemsByOpportunity = count(lineItems, 'OpportunityId');

    const inPeriod = new Set([...accounts, ...contacts, ...sfOrders, ...opportunities].filter((r) => createdIn(r, options.fromMs, options.toMs)).map((r) => String(r['Id'])));
    const found = (rows: Row[], field: string, amount?: string, items?: Map<string, number>): FoundSfRecord[] => rows.map((r) => ({
      id: String(r['Id']), reference: String(r[field]),
      ...(amount && r[amount] !== null && r[amount] !== undefined ? { amount: Number(r[amount]).toFixed(2) } : {}),
      ...(items ? { items: items.get(String(r['Id'])) ?? 0 } : {}),
    }));
    const onlyPeriodOrphans = (result: ReturnType<typeof reconcileSalesforceRecords>) => {
      const findings = result.findings.filter((f) => f.kind !== 'orphan' || f.records.some((id) => inPeriod.has(id)));
      const counts = { missing: 0, duplicate: 0, mismatched: 0, orphan: 0 };
      for (const f of findings) counts[f.kind]++;
      return { section: { ...result.section, counts }, findings };
    };
    const report = combineSalesforceReconciliation({
      account: onlyPeriodOrphans(reconcileSalesforceRecords('account', expectedAccounts, found(accounts, ext.customer))),
      contact: onlyPeriodOrphans(reconcileSalesforceRecords('contact', expectedContacts, found(contacts, ext.customer))),
      order: onlyPeriodOrphans(reconcileSalesforceRecords(
        'order',
        orders.map((c) => ({ reference: c.value.order.orderId, amount: salesforceAmount(c.value.order), items: c.value.order.lines.length, describe: `order ${c.value.order.orderNumber}` })),
        [...found(sfOrders, ext.order, 'TotalAmount', itemsByOrder), ...found(opportunities, ext.order, 'Amount', itemsByOpportunity)],
      )),
    });

    let requeued = 0;
    if (options.requeueMissing) {
      const missing = report.findings.filter((f) => f.kind === 'missing');
      const messages = missing.flatMap((f) => {
        const carried = f.record === 'order' ? latestOrders.get(f.reference) : latestCustomers.get(f.reference);
        return carried ? [carried] : [];
      });
      const unique = [...new Map(messages.map((m) => [`${m.topic}/${m.message.offset}/${m.message.key?.toString()}`, m])).values()];
      if (unique.length > 0) {
        const producer = new EventProducer(kafka);
        await producer.connect();
        try {
          await producer.sendAll(unique.map(({ topic, message }) => ({ topic, key: message.key, value: message.value, headers: { ...message.headers, [OperatorHeader.requeue]: 'missing' } })));
        } finally {
          await producer.disconnect();
        }
        requeued = unique.length;
        options.progress(`re-enqueued ${requeued} messages for ${missing.length} missing records`);
      }
    }
    return { ...report, requeued, apiCalls };
  } finally {
    await sf.close();
    await decoder.close();
  }
};

/** The report as a table: one summary line per kind of record, then the findings. */
export const renderSalesforceReport = (report: SalesforceReconciliation & { requeued: number }): string => {
  const lines = Object.entries(report.sections).map(([kind, s]) =>
    `${`${kind}s`.padEnd(9)} in Kafka: ${String(s.expected).padStart(6)}   in Salesforce: ${String(s.found).padStart(6)}   matched: ${String(s.matched).padStart(6)}   missing: ${s.counts.missing}   duplicate: ${s.counts.duplicate}   mismatched: ${s.counts.mismatched}   orphan: ${s.counts.orphan}`);
  if (report.requeued) lines.push(`re-enqueued: ${report.requeued}`);
  if (report.findings.length > 0) {
    lines.push('', `${'finding'.padEnd(11)}${'record'.padEnd(9)}${'external id'.padEnd(26)}${'in Salesforce'.padEnd(40)}detail`);
    for (const f of report.findings) lines.push(`${f.kind.padEnd(11)}${f.record.padEnd(9)}${f.reference.padEnd(26)}${(f.records.join(', ') || '-').padEnd(40)}${f.detail}`);
  } else lines.push('', 'Kafka and Salesforce agree.');
  return lines.join('\n');
};
