import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, topics, type CrossReference, type OrderEvent, type PaymentEvent, type ProductEvent, type ReturnEvent, type SettlementEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { IntacctClient, intacctClientOptions } from '@tributary/connectors-intacct';
import { ItemResolver, loadMappingConfig, OrderReview } from '@tributary/mapping-core';
import { IdempotencyLedger, KafkaRuntime, LOGGER, startPipelines, TributaryRuntimeModule, type PipelineRunner } from '@tributary/kafka-runtime';
import { TributaryMetrics, Readiness, type Logger } from '@tributary/observability';
import { intacctSinkEnvSchema, type IntacctSinkConfig } from './intacct-sink.config.js';
import { paymentPipeline } from './payment.pipeline.js';
import { productPipeline } from './product.pipeline.js';
import { returnPipeline } from './return.pipeline.js';
import { salesOrderPipeline } from './sales-order.pipeline.js';
import { settlementPipeline } from './settlement.pipeline.js';

export const SINK_CONFIG = Symbol('SINK_CONFIG');
const SERVICE = 'intacct-sink';
const dlq = deadLetterTopic(SERVICE);

/**
 * intacct-sink, read as a table:
 *   commerce.order.v1       →  salesOrderPipeline  →  create/update/delete_sotransaction, CUSTOMER, ARPYMT
 *   commerce.payment.v1     →  paymentPipeline     →  ARPYMT on the order's AR invoice
 *   commerce.return.v1      →  returnPipeline      →  Sales Credit Memo created from the order's document
 *   commerce.settlement.v1  →  settlementPipeline  →  GLBATCH (net deposit, fees, clearing)
 *   commerce.product.v1     →  productPipeline     →  ITEM update of the fields Clarity masters
 *   failures                →  dlq.intacct-sink.v1;  ledger: integration.xref.v1
 */
class IntacctSinkHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: PipelineRunner | undefined;
  private readonly clients = new Map<string, IntacctClient>();

  constructor(
    @Inject(SINK_CONFIG) private readonly config: IntacctSinkConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /** One client (one session) per Intacct entity the routing rules send orders to. */
  private intacctFor(entityId: string | undefined): IntacctClient {
    const { config, metrics } = this;
    const entity = entityId ?? config.INTACCT_ENTITY_ID;
    const existing = this.clients.get(entity ?? '');
    if (existing) return existing;
    const client = new IntacctClient(intacctClientOptions(config, {
      entityId: entity,
      onRequest: metrics.requestRecorder('intacct'),
    }));
    this.clients.set(entity ?? '', client);
    // The company's request slots are shared by every client of that company: one reading is enough.
    metrics.watchBudget('intacct', () => client.requestBudget);
    return client;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    this.log.info({ file: config.MAPPING_FILE, items: Object.keys(mapping.items.items).length, dimensionRules: mapping.dimensions.length, routes: mapping.entityRouting.length }, 'mapping file loaded');
    const company = { mapping, items: new ItemResolver(mapping.items) };
    const xrefCodec = await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema);
    const ledger = await IdempotencyLedger.load(runtime.kafka, runtime.topic(topics.xref).name, xrefCodec, runtime.producer);
    this.log.info({ entries: ledger.size }, 'idempotency ledger loaded');

    this.runner = await startPipelines(runtime, {
      group: SERVICE,
      deadLetterTopic: dlq,
      outcomeTopic: topics.outcome,
      metrics,
      log: this.log,
      concurrency: config.SINK_CONCURRENCY,
      keyConcurrency: config.SINK_LANES_PER_PARTITION,
      sessionTimeoutMs: config.SINK_SESSION_TIMEOUT_MS,
      retryPolicy: { maxAttempts: config.RETRY_MAX_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS, probeIntervalMs: config.CIRCUIT_PROBE_INTERVAL_MS },
      pipelines: [
        salesOrderPipeline({
          source: runtime.topic(topics.order),
          codec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
          intacct: (entityId) => this.intacctFor(entityId),
          ledger,
          company,
          ...(mapping.anomaly.enabled ? { review: new OrderReview(mapping.anomaly) } : {}),
          rules: {
            transactionType: config.INTACCT_TRANSACTION_TYPE,
            customerId: { from: config.INTACCT_CUSTOMER_FROM, fixedId: config.INTACCT_CUSTOMER_ID, prefix: config.INTACCT_CUSTOMER_PREFIX },
            baseCurrency: config.INTACCT_BASE_CURRENCY,
            ...(config.INTACCT_WAREHOUSE_ID ? { warehouseId: config.INTACCT_WAREHOUSE_ID } : {}),
          },
        }),
        paymentPipeline({
          source: runtime.topic(topics.payment),
          codec: await runtime.codec<PaymentEvent>(topics.payment, topics.payment.valueSchema),
          intacct: () => this.intacctFor(undefined),
          ledger, mapping, defaultTransactionType: config.INTACCT_TRANSACTION_TYPE,
        }),
        returnPipeline({
          source: runtime.topic(topics.return),
          codec: await runtime.codec<ReturnEvent>(topics.return, topics.return.valueSchema),
          intacct: () => this.intacctFor(undefined),
          ledger, company, defaultTransactionType: config.INTACCT_TRANSACTION_TYPE,
        }),
        settlementPipeline({
          source: runtime.topic(topics.settlement),
          codec: await runtime.codec<SettlementEvent>(topics.settlement, topics.settlement.valueSchema),
          intacct: () => this.intacctFor(undefined),
          ledger, mapping,
        }),
        productPipeline({
          source: runtime.topic(topics.product),
          codec: await runtime.codec<ProductEvent>(topics.product, topics.product.valueSchema),
          intacct: () => this.intacctFor(undefined),
          ledger, company,
        }),
      ],
    });
    const runner = this.runner;
    this.readiness.add({ name: 'consumer', check: async () => { if (!runner.healthy) throw new Error('consumer crashed'); } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    for (const client of this.clients.values()) await client.close();
  }
}

@Module({})
export class IntacctSinkModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: IntacctSinkModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.order, topics.payment, topics.return, topics.settlement, topics.product, topics.xref, topics.outcome, dlq] })],
      providers: [{ provide: SINK_CONFIG, useFactory: () => loadConfig(intacctSinkEnvSchema, env) }, IntacctSinkHost],
    };
  }
}
