import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, topics, type CrossReference, type InventoryLevelEvent, type OrderEvent, type PaymentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { Sage100Client, sage100ClientOptions } from '@tributary/connectors-sage100';
import { ItemResolver, loadMappingConfig, OrderReview } from '@tributary/mapping-core';
import { IdempotencyLedger, KafkaRuntime, LOGGER, startPipelines, TributaryRuntimeModule, type PipelineRunner } from '@tributary/kafka-runtime';
import { TributaryMetrics, Readiness, type Logger } from '@tributary/observability';
import { Gauge } from 'prom-client';
import { HeldOrders, type HeldOrder } from './held-orders.js';
import { placeOrder } from './order-created.handler.js';
import { paymentPipeline } from './payment.pipeline.js';
import { restockPipeline } from './restock.pipeline.js';
import { sage100SinkEnvSchema, type Sage100SinkConfig } from './sage100-sink.config.js';
import { salesOrderPipeline, type SalesOrderPipelineDeps } from './sales-order.pipeline.js';

export const SINK_CONFIG = Symbol('SINK_CONFIG');
const SERVICE = 'sage100-sink';
const dlq = deadLetterTopic(SERVICE);

/**
 * sage100-sink, read as a table:
 *   commerce.order.v1    →  salesOrderPipeline  →  AR customer (once), SO sales order(s) by CustomerPONo (once)
 *   commerce.payment.v1  →  paymentPipeline     →  cash receipt / deposit against the sales order (once, by Reference)
 *   inventory.level.v1   →  restockPipeline     →  orders held for stock placed again when their SKU has stock
 *   every minute         →  held orders past their deadline checked again, with an alert
 *   failures             →  dlq.sage100-sink.v1;  ledger: integration.xref.v1 (also the held orders)
 */
class Sage100SinkHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: PipelineRunner | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly clients = new Map<string, Sage100Client>();

  constructor(
    @Inject(SINK_CONFIG) private readonly config: Sage100SinkConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** One client per Sage 100 company the routing rules send orders to; they share the agent's request slots. */
  private sageFor(companyCode: string): Sage100Client {
    const existing = this.clients.get(companyCode);
    if (existing) return existing;
    const client = new Sage100Client(sage100ClientOptions(this.config, { companyCode, onRequest: this.metrics.requestRecorder('sage100') }));
    this.clients.set(companyCode, client);
    return client;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    this.log.info({ file: config.MAPPING_FILE, items: Object.keys(mapping.items.items).length, routes: mapping.entityRouting.length, division: mapping.sage100.arDivisionNo }, 'mapping file loaded');
    const company = { mapping, items: new ItemResolver(mapping.items) };
    const xrefCodec = await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema);
    const xrefTopic = runtime.topic(topics.xref).name;
    const ledger = await IdempotencyLedger.load(runtime.kafka, xrefTopic, xrefCodec, runtime.producer);
    const heldGauge = new Gauge({ name: 'tributary_sage100_held_orders', help: 'Orders held instead of placed in Sage 100, by reason (stock, credit, customer); overdue = past their deadline.', labelNames: ['kind'] as const, registers: [metrics.registry] });
    const exportHeld = (held: readonly HeldOrder[]) => {
      for (const kind of ['stock', 'credit', 'customer', 'overdue'] as const) heldGauge.set({ kind }, held.filter((h) => (kind === 'overdue' ? h.kind === 'stock' && h.deadline <= Date.now() : h.kind === kind)).length);
    };
    const held = await HeldOrders.load(runtime.kafka, xrefTopic, xrefCodec, ledger, exportHeld);
    this.log.info({ entries: ledger.size, held: held.list().length }, 'idempotency ledger loaded');

    const orders: SalesOrderPipelineDeps = {
      source: runtime.topic(topics.order),
      codec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
      sage: (code) => this.sageFor(code),
      ledger, company, held,
      ...(mapping.anomaly.enabled ? { review: new OrderReview(mapping.anomaly) } : {}),
    };
    this.runner = await startPipelines(runtime, {
      group: SERVICE,
      deadLetterTopic: dlq,
      outcomeTopic: topics.outcome,
      metrics,
      log: this.log,
      concurrency: config.SINK_CONCURRENCY,
      retryPolicy: { maxAttempts: config.RETRY_MAX_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS, probeIntervalMs: config.CIRCUIT_PROBE_INTERVAL_MS },
      pipelines: [
        salesOrderPipeline(orders),
        paymentPipeline({
          source: runtime.topic(topics.payment),
          codec: await runtime.codec<PaymentEvent>(topics.payment, topics.payment.valueSchema),
          sage: (code) => this.sageFor(code),
          ledger, mapping, defaultCompany: config.SAGE100_COMPANY_CODE,
        }),
        restockPipeline({
          source: runtime.topic(topics.inventoryLevel),
          codec: await runtime.codec<InventoryLevelEvent>(topics.inventoryLevel, topics.inventoryLevel.valueSchema),
          orders,
        }),
      ],
    });
    const runner = this.runner;
    this.readiness.add({ name: 'consumer', check: async () => { if (!runner.healthy) throw new Error('consumer crashed'); } });

    // Held orders past their deadline: checked again without waiting for a restock; still short → alert.
    this.timer = setInterval(() => {
      void (async () => {
        for (const order of held.overdue(Date.now())) {
          try {
            const outcome = await placeOrder(orders, order.order, { event: { eventId: `deadline:${order.orderId}:${order.deadline}` }, correlationId: order.orderId, attempt: 2, log: this.log, verify: false, approved: false });
            if (outcome.kind === 'skipped') this.log.warn({ orderId: order.orderId, orderNumber: order.orderNumber, reason: order.reason, heldSince: new Date(order.heldAt).toISOString(), alert: 'sage100-held-order-overdue' }, 'held order past its deadline is still short');
          } catch (error) {
            this.log.warn({ orderId: order.orderId, err: error }, 'held order recheck failed; next interval retries');
          }
        }
        exportHeld(held.list());
      })();
    }, config.HELD_ORDER_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.runner?.stop();
    for (const client of this.clients.values()) await client.close();
  }
}

@Module({})
export class Sage100SinkModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: Sage100SinkModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.order, topics.payment, topics.inventoryLevel, topics.xref, topics.outcome, dlq] })],
      providers: [{ provide: SINK_CONFIG, useFactory: () => loadConfig(sage100SinkEnvSchema, env) }, Sage100SinkHost],
    };
  }
}
