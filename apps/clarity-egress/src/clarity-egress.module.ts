import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, topics, type CrossReference, type CustomerProfileEvent, type InventoryLevelEvent, type OrderEvent, type OrderStatusEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { ClarityApiClient, clarityApiClientOptions } from '@tributary/connectors-clarity';
import { DeadLetterChannel, IdempotencyLedger, KafkaRuntime, LOGGER, startPipelines, TributaryRuntimeModule, type PipelineRunner, type RetryPolicy } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { clarityEgressEnvSchema, type ClarityEgressConfig } from './clarity-egress.config.js';
import { customerPipeline } from './customer.pipeline.js';
import { InventoryEgress } from './inventory.pipeline.js';
import { OrderDirectory } from './order-directory.js';
import { orderDirectoryPipeline } from './order-directory.pipeline.js';
import { orderStatusPipeline } from './order-status.pipeline.js';
import { shipmentPipeline } from './shipment.pipeline.js';

export const EGRESS_CONFIG = Symbol('EGRESS_CONFIG');
const SERVICE = 'clarity-egress';
/** The inventory aggregator commits with its flushes, so it has a consumer group of its own. */
const INVENTORY_GROUP = `${SERVICE}-inventory`;
const dlq = deadLetterTopic(SERVICE);

/**
 * clarity-egress, read as a table:
 *   inventory.level.v1        →  InventoryEgress (coalesced)  →  PUT /api/v1/inventory (≤100 levels, newest per SKU@location)
 *   commerce.shipment.v1      →  shipmentPipeline             →  POST /api/v1/shipments (Idempotency-Key = shipment id)
 *   customer.profile.v1       →  customerPipeline             →  PATCH /api/v1/customers/{id} (fields mastered elsewhere)
 *   commerce.order-status.v1  →  orderStatusPipeline          →  PATCH /api/v1/orders/{id}/status (forward only)
 *   commerce.order.v1         →  orderDirectoryPipeline       →  order number → Clarity order id (xref)
 *   failures                  →  dlq.clarity-egress.v1;  ledger: integration.xref.v1
 */
class ClarityEgressHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: PipelineRunner | undefined;
  private inventory: InventoryEgress | undefined;
  private clarity: ClarityApiClient | undefined;

  constructor(
    @Inject(EGRESS_CONFIG) private readonly config: ClarityEgressConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics, log } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    const clarity = new ClarityApiClient(clarityApiClientOptions(config, { onRequest: metrics.requestRecorder('clarity') }));
    this.clarity = clarity;
    const retryPolicy: RetryPolicy = { maxAttempts: config.RETRY_MAX_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS, probeIntervalMs: config.CIRCUIT_PROBE_INTERVAL_MS };
    const xrefCodec = await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema);
    const ledger = await IdempotencyLedger.load(runtime.kafka, runtime.topic(topics.xref).name, xrefCodec, runtime.producer);
    log.info({ entries: ledger.size }, 'idempotency ledger loaded');
    const directory = new OrderDirectory(ledger);
    const orderLookupAttempts = config.CLARITY_ORDER_LOOKUP_ATTEMPTS;

    this.inventory = new InventoryEgress({
      kafka: runtime.kafka,
      groupId: runtime.topic({ ...dlq, name: INVENTORY_GROUP }).name,
      topic: runtime.topic(topics.inventoryLevel).name,
      codec: await runtime.codec<InventoryLevelEvent>(topics.inventoryLevel, topics.inventoryLevel.valueSchema),
      clarity,
      deadLetters: new DeadLetterChannel(runtime.topic(dlq).name, SERVICE, runtime.producer),
      metrics, log, retryPolicy,
      flushMs: config.CLARITY_INVENTORY_FLUSH_MS,
      maxBuffered: config.CLARITY_INVENTORY_MAX_BUFFERED,
    });
    await this.inventory.start();

    this.runner = await startPipelines(runtime, {
      group: SERVICE,
      deadLetterTopic: dlq,
      outcomeTopic: topics.outcome,
      metrics, log, retryPolicy,
      concurrency: config.SINK_CONCURRENCY,
      pipelines: [
        orderDirectoryPipeline({
          source: runtime.topic(topics.order),
          codec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
          directory,
        }),
        shipmentPipeline({
          source: runtime.topic(topics.shipment),
          codec: await runtime.codec<ShipmentEvent>(topics.shipment, topics.shipment.valueSchema),
          clarity, ledger, directory, orderLookupAttempts,
        }),
        customerPipeline({
          source: runtime.topic(topics.customerProfile),
          codec: await runtime.codec<CustomerProfileEvent>(topics.customerProfile, topics.customerProfile.valueSchema),
          clarity, ledger,
        }),
        orderStatusPipeline({
          source: runtime.topic(topics.orderStatus),
          codec: await runtime.codec<OrderStatusEvent>(topics.orderStatus, topics.orderStatus.valueSchema),
          clarity, ledger, directory, orderLookupAttempts,
          statusMaps: mapping.statusMaps,
        }),
      ],
    });
    const runner = this.runner;
    const inventory = this.inventory;
    this.readiness.add({ name: 'consumer', check: async () => { if (!runner.healthy) throw new Error('consumer crashed'); } });
    this.readiness.add({ name: 'inventory-consumer', check: async () => { if (!inventory.healthy) throw new Error('inventory consumer crashed'); } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    await this.inventory?.stop();
    await this.clarity?.close();
  }
}

@Module({})
export class ClarityEgressModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: ClarityEgressModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.inventoryLevel, topics.shipment, topics.customerProfile, topics.orderStatus, topics.order, topics.xref, topics.outcome, dlq] })],
      providers: [{ provide: EGRESS_CONFIG, useFactory: () => loadConfig(clarityEgressEnvSchema, env) }, ClarityEgressHost],
    };
  }
}
