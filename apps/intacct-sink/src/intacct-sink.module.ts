import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, topics, type CrossReference, type OrderEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { IntacctClient, intacctClientOptions } from '@tributary/connectors-intacct';
import { ItemResolver, loadMappingConfig } from '@tributary/mapping-core';
import { IdempotencyLedger, KafkaRuntime, LOGGER, startPipelines, TributaryRuntimeModule, type PipelineRunner } from '@tributary/kafka-runtime';
import { TributaryMetrics, Readiness, type Logger } from '@tributary/observability';
import { intacctSinkEnvSchema, type IntacctSinkConfig } from './intacct-sink.config.js';
import { OrderReview } from './order-review.js';
import { salesOrderPipeline } from './sales-order.pipeline.js';

export const SINK_CONFIG = Symbol('SINK_CONFIG');
const SERVICE = 'intacct-sink';
const dlq = deadLetterTopic(SERVICE);

/**
 * intacct-sink, read as a table:
 *   commerce.order.v1  →  salesOrderPipeline  →  Sage Intacct create_sotransaction
 *   failures           →  dlq.intacct-sink.v1;  ledger: integration.xref.v1
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
    return client;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    this.log.info({ file: config.MAPPING_FILE, items: Object.keys(mapping.items.items).length, dimensionRules: mapping.dimensions.length, routes: mapping.entityRouting.length }, 'mapping file loaded');
    const xrefCodec = await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema);
    const ledger = await IdempotencyLedger.load(runtime.kafka, runtime.topic(topics.xref).name, xrefCodec, runtime.producer);
    this.log.info({ entries: ledger.size }, 'idempotency ledger loaded');

    this.runner = await startPipelines(runtime, {
      group: SERVICE,
      deadLetterTopic: dlq,
      metrics,
      log: this.log,
      concurrency: config.SINK_CONCURRENCY,
      retryPolicy: { maxAttempts: config.RETRY_MAX_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS, probeIntervalMs: config.CIRCUIT_PROBE_INTERVAL_MS },
      pipelines: [
        salesOrderPipeline({
          source: runtime.topic(topics.order),
          codec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
          intacct: (entityId) => this.intacctFor(entityId),
          ledger,
          company: { mapping, items: new ItemResolver(mapping.items) },
          ...(mapping.anomaly.enabled ? { review: new OrderReview(mapping.anomaly) } : {}),
          rules: {
            transactionType: config.INTACCT_TRANSACTION_TYPE,
            customerId: { from: config.INTACCT_CUSTOMER_FROM, fixedId: config.INTACCT_CUSTOMER_ID, prefix: config.INTACCT_CUSTOMER_PREFIX },
            baseCurrency: config.INTACCT_BASE_CURRENCY,
            ...(config.INTACCT_WAREHOUSE_ID ? { warehouseId: config.INTACCT_WAREHOUSE_ID } : {}),
          },
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
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.order, topics.xref, dlq] })],
      providers: [{ provide: SINK_CONFIG, useFactory: () => loadConfig(intacctSinkEnvSchema, env) }, IntacctSinkHost],
    };
  }
}
