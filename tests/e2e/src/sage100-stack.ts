import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topics, type OrderEvent, type Order } from '@tributary/canonical-model';
import { createClarityIngress } from '@tributary/clarity-ingress';
import { AvroEventCodec, createKafkaClient, IsolatedDecoder, readTopicToEnd, retryKafka, SchemaRegistryClient } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { createLogger } from '@tributary/observability';
import { createSage100Sink } from '@tributary/sage100-sink';
import { ClarityWebhookSender } from '@tributary/simulator-clarity';
import { startSage100Simulator, type Sage100Simulator, type Sage100SimulatorOptions } from '@tributary/simulator-sage100';
import { stackEnv } from '@tributary/testing';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { MAPPING_FILE, WEBHOOK_SECRET } from './e2e-stack.js';

export const SAGE_KEY = 'sage100-e2e-key';
/** Items only the stock tests order, with little or no stock. */
export const LIMITED = { backorder: 'LIMITED-A', split: 'LIMITED-B', hold: 'LIMITED-C' } as const;
export const RETIRED_ITEM = 'LEGACY-BUNDLE';

/**
 * The default mapping file for a Sage 100 test: anomaly review off (its history is per process),
 * the limited items added, and store rules for the out-of-stock tests.
 */
export const sage100MappingFile = (edit: (yaml: string) => string = (y) => y): string => {
  const dir = mkdtempSync(join(tmpdir(), 'sage100-'));
  const file = join(dir, 'mapping.yaml');
  const yaml = readFileSync(MAPPING_FILE, 'utf8')
    .replace('anomaly: { enabled: true', 'anomaly: { enabled: false')
    .replace('items:\n  items:\n', `items:\n  items:\n${Object.values(LIMITED).map((code) => `    TRB-${code}: ${code}\n`).join('')}`)
    .replace('    stores: {}\n', '    stores: { store-hold: hold, store-split: split }\n');
  writeFileSync(file, edit(yaml));
  return file;
};

/**
 * One isolated Sage 100 pipeline per test file: its own topic prefix on the shared broker, the
 * Sage 100 simulator (companies ABC and CAN, every mapped item stocked except the retired one),
 * optionally the Clarity ingress, and the sink in this process as `main.ts` runs it.
 */
export class Sage100Stack {
  sink: INestApplicationContext | undefined;
  ingress: NestFastifyApplication | undefined;
  readonly kafka: Kafka;
  private producer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly decoder = new IsolatedDecoder();
  private readonly codecs = new Map<string, AvroEventCodec<unknown>>();

  private constructor(readonly sim: Sage100Simulator, readonly env: Record<string, string>, readonly webhookUrl: string | undefined) {
    this.kafka = createKafkaClient({ brokers: env['KAFKA_BROKERS']!.split(','), clientId: 'e2e-sage100', logger: createLogger('e2e', 'silent') });
  }

  static async start(options: { mappingFile?: string; sinkEnv?: Record<string, string>; withSink?: boolean; withIngress?: boolean; simulator?: Partial<Sage100SimulatorOptions> } = {}): Promise<Sage100Stack> {
    const mappingFile = options.mappingFile ?? sage100MappingFile();
    const mapping = loadMappingConfig(mappingFile);
    const stocked = Object.values(mapping.items.items).filter((code) => code !== RETIRED_ITEM && !Object.values(LIMITED).includes(code as never));
    const sim = await startSage100Simulator({
      port: 0,
      apiKeys: [SAGE_KEY],
      companies: [{ code: 'ABC', divisions: ['01', '02'] }, { code: 'CAN', divisions: ['01'] }],
      items: [
        ...stocked.map((code) => ({ ItemCode: code, ItemType: '1' as const, description: code, StandardUnitPrice: 10, warehouses: [{ WarehouseCode: '000', QuantityOnHand: 5000 }, { WarehouseCode: '002', QuantityOnHand: 5000 }] })),
        { ItemCode: LIMITED.backorder, ItemType: '1' as const, description: 'Limited A', warehouses: [{ WarehouseCode: '000', QuantityOnHand: 2 }] },
        { ItemCode: LIMITED.split, ItemType: '1' as const, description: 'Limited B', warehouses: [{ WarehouseCode: '000', QuantityOnHand: 2 }] },
        { ItemCode: LIMITED.hold, ItemType: '1' as const, description: 'Limited C', warehouses: [{ WarehouseCode: '000', QuantityOnHand: 0 }] },
      ],
      paymentTypes: [
        { PaymentType: 'VISA', PaymentDesc: 'Visa', PaymentMethod: 'R' }, { PaymentType: 'MC', PaymentDesc: 'Mastercard', PaymentMethod: 'R' },
        { PaymentType: 'AMEX', PaymentDesc: 'American Express', PaymentMethod: 'R' }, { PaymentType: 'PAYPL', PaymentDesc: 'PayPal', PaymentMethod: 'O' },
        { PaymentType: 'STRIP', PaymentDesc: 'Stripe', PaymentMethod: 'O' }, { PaymentType: 'GIFT', PaymentDesc: 'Gift card', PaymentMethod: 'O' },
        { PaymentType: 'CREDT', PaymentDesc: 'Store credit', PaymentMethod: 'O' },
      ],
      maxConcurrent: 8,
      ...options.simulator,
    });
    const env = stackEnv({
      MAPPING_FILE: mappingFile,
      CLARITY_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      SAGE100_API_URL: sim.url,
      SAGE100_API_KEY: SAGE_KEY,
      SAGE100_COMPANY_CODE: 'ABC',
      SAGE100_TIMEOUT_MS: '2000',
      SAGE100_MAX_CONCURRENT_REQUESTS: '8',
      RETRY_INITIAL_DELAY_MS: '50',
      RETRY_MAX_DELAY_MS: '400',
      CIRCUIT_PROBE_INTERVAL_MS: '500',
      ...options.sinkEnv,
    });
    let webhookUrl: string | undefined;
    let ingress: NestFastifyApplication | undefined;
    if (options.withIngress) {
      ingress = await createClarityIngress(env);
      webhookUrl = `${await ingress.getUrl()}/webhooks/clarity`;
    }
    const stack = new Sage100Stack(sim, env, webhookUrl);
    stack.ingress = ingress;
    if (options.withSink !== false) stack.sink = await createSage100Sink(env);
    return stack;
  }

  topic(name: string): string {
    return `${this.env['TOPIC_PREFIX']}${name}`;
  }

  sender(): ClarityWebhookSender {
    if (!this.webhookUrl) throw new Error('started without the ingress');
    return new ClarityWebhookSender({ url: this.webhookUrl, secrets: [WEBHOOK_SECRET], maxAttempts: 5, backoffMs: 50 });
  }

  async restartSink(): Promise<void> {
    await this.sink?.close();
    this.sink = await createSage100Sink(this.env);
  }

  /** Publishes canonical events (Avro, registered under this prefix) as a Clarity-side service would. */
  async send(spec: { name: string; valueSchema: object }, messages: Array<{ key: string; value: unknown }>): Promise<void> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
      await this.producer.connect();
    }
    let codec = this.codecs.get(spec.name);
    if (!codec) this.codecs.set(spec.name, (codec = await AvroEventCodec.create({ registry: new SchemaRegistryClient(this.env['SCHEMA_REGISTRY_URL']!), decoder: this.decoder, subject: `${this.topic(spec.name)}-value`, schema: spec.valueSchema })));
    await this.producer.send({ topic: this.topic(spec.name), acks: -1, messages: messages.map(({ key, value }) => ({ key, value: codec.encode(value) })) });
  }

  async sendOrders(events: readonly OrderEvent[]): Promise<void> {
    await this.send(topics.order, events.map((event) => ({ key: event.order.orderId, value: event })));
  }

  /** Every message of a topic: key, headers and the decoded value (when it decodes). */
  async read<T>(spec: { name: string; valueSchema: object }): Promise<Array<{ key: string; headers: Record<string, string>; value: T | undefined }>> {
    const raw: Array<{ key: string; headers: Record<string, string>; value: Buffer | null }> = [];
    await readTopicToEnd(this.kafka, this.topic(spec.name), (m) => raw.push({
      key: m.key?.toString() ?? '', value: m.value,
      headers: Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v)?.toString() ?? ''])),
    }));
    const codec = await AvroEventCodec.create<T>({ registry: new SchemaRegistryClient(this.env['SCHEMA_REGISTRY_URL']!), decoder: this.decoder, subject: `${this.topic(spec.name)}-value`, schema: spec.valueSchema });
    const decoded = await codec.decodeMany(raw.map((r) => r.value));
    return raw.map((r, i) => ({ key: r.key, headers: r.headers, value: decoded[i]?.ok ? decoded[i].value : undefined }));
  }

  /** Whether a consumer group committed everything a topic holds. */
  async caughtUp(group: string, name: string): Promise<boolean> {
    if (!this.admin) { this.admin = this.kafka.admin(); await this.admin.connect(); }
    const admin = this.admin;
    const [ends, committed] = await Promise.all([
      retryKafka(() => admin.fetchTopicOffsets(this.topic(name))),
      retryKafka(() => admin.fetchOffsets({ groupId: `${this.env['TOPIC_PREFIX']}${group}`, topics: [this.topic(name)] })),
    ]);
    const byPartition = new Map(committed[0]!.partitions.map((p) => [p.partition, BigInt(p.offset)]));
    return ends.every((end) => BigInt(end.high) === 0n || (byPartition.get(end.partition) ?? -1n) >= BigInt(end.high));
  }

  /** Sage orders (open and history, every company) carrying a Clarity order number. */
  ordersFor(orderNumber: string) {
    return [...this.sim.orders(), ...this.sim.history()].filter((o) => (o.UDF_CLARITY_ORDER || o.CustomerPONo) === orderNumber);
  }

  async stop(): Promise<void> {
    await this.sink?.close();
    await this.ingress?.close();
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    await this.decoder.close();
    await this.sim.close();
  }
}

let sequence = 0;
/** A realistic canonical order: lines at their prices, 8.25 % tax on lines, freight, amounts that add up. */
export const canonicalOrder = (options: {
  orderNumber: string; orderId?: string; customerId?: string; email?: string; firstName?: string; lastName?: string; postalCode?: string; storeId?: string;
  lines?: Array<{ sku: string; quantity: number; unitPrice: string }>; shipping?: string; method?: string; country?: string;
}): OrderEvent => {
  sequence++;
  const lines = (options.lines ?? [{ sku: 'TRB-MUG-12OZ', quantity: 2, unitPrice: '14.00' }, { sku: 'TRB-FILTER-V60-100', quantity: 1, unitPrice: '7.50' }]).map((line, i) => {
    const lineTotal = (line.quantity * Number(line.unitPrice)).toFixed(2);
    return { lineId: String(i + 1), sku: line.sku, description: null, quantity: line.quantity, unitPrice: line.unitPrice, discount: '0.00', tax: (Number(lineTotal) * 0.0825).toFixed(2), lineTotal };
  });
  const subtotal = lines.reduce((s, l) => s + Number(l.lineTotal), 0);
  const tax = lines.reduce((s, l) => s + Number(l.tax), 0);
  const shipping = Number(options.shipping ?? '9.95');
  const grand = (subtotal + tax + shipping).toFixed(2);
  const country = options.country ?? 'US';
  const address = { name: `${options.firstName ?? 'Grace'} ${options.lastName ?? 'Hopper'}`, line1: '1200 Barton Springs Rd', line2: null, city: 'Austin', region: 'TX', postalCode: options.postalCode ?? '78704', country };
  const order: Order = {
    orderId: options.orderId ?? `${options.orderNumber}-id`, orderNumber: options.orderNumber, status: 'pending', orderedAt: Date.parse('2026-11-25T12:00:00Z') + sequence * 1000, currency: 'USD',
    storeId: options.storeId ?? 'store-us-1', channel: 'web',
    customer: { customerId: options.customerId ?? `cust-${options.orderNumber}`, email: options.email ?? `${options.orderNumber.toLowerCase()}@example.com`, firstName: options.firstName ?? 'Grace', lastName: options.lastName ?? 'Hopper', company: null, phone: null },
    billingAddress: address, shippingAddress: address, lines,
    shipping: { method: options.method ?? 'UPS Ground', amount: shipping.toFixed(2) },
    payment: { method: 'visa', transactionId: `ch_${options.orderNumber}`, amount: grand, status: 'captured' }, couponCode: null,
    totals: { subtotal: subtotal.toFixed(2), discountTotal: '0.00', taxTotal: tax.toFixed(2), shippingTotal: shipping.toFixed(2), grandTotal: grand },
  };
  const eventId = `evt-${options.orderNumber}-${sequence}`;
  return { eventId, eventType: 'order.created', occurredAt: order.orderedAt, source: 'clarity', correlationId: eventId, causationId: null, schemaVersion: 1, order };
};
