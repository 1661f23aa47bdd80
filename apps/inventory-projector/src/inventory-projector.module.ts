import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Gauge, Counter } from 'prom-client';
import { deadLetterTopic, topics, type CrossReference, type CustomerEvent, type CustomerProfileEvent, type InventoryAdjustmentEvent, type InventoryLevelEvent, type OrderEvent, type ReturnEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { KafkaRuntime, LOGGER, readCommittedToEnd, TransactionalProcessor, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { changelogTopic } from './changelog.js';
import { inventoryProjectorEnvSchema, type InventoryProjectorConfig } from './inventory-projector.config.js';
import { inventoryRules, shipFromRule } from './inventory-rules.js';
import { Projector } from './projector.js';

export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');
const SERVICE = 'inventory-projector';
const dlq = deadLetterTopic(SERVICE);

/**
 * inventory-projector, read as a table (a singleton: one replica, exactly-once by Kafka transactions):
 *   inventory.adjustment.v1   ERP on hand (newest version wins)           ─┐
 *   commerce.order.v1         reserve / move / release per order          ─┤→ inventory.level.v1 (compacted, SKU@location)
 *   commerce.shipment.v1      release what shipped                        ─┤   + inventory-projector.changelog.v1 (its state)
 *   commerce.return.v1        restock returned lines (mapping file)       ─┘
 *   commerce.customer.v1      Clarity / Salesforce customer fields        ─┐→ customer.profile.v1 (compacted, golden record)
 *   integration.xref.v1       ERP/CRM ids of the customer                 ─┘
 *   undecodable input      →  dlq.inventory-projector.v1
 * Outputs and consumed offsets commit in one transaction; state is rebuilt from the compacted
 * topics at start (read_committed, after fencing the previous instance).
 */
class InventoryProjectorHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private processor: TransactionalProcessor | undefined;

  constructor(
    @Inject(PROJECTOR_CONFIG) private readonly config: InventoryProjectorConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    // Registered before the ops port opens: not ready until the state is rebuilt and the loop runs.
    readiness.add({
      name: 'projector',
      check: async () => {
        if (!this.running) throw new Error('rebuilding state from the compacted topics');
        if (!this.processor?.healthy) throw new Error('consumer crashed');
      },
    });
  }

  private running = false;

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics, log } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    const name = (spec: { name: string; partitions: number; cleanupPolicy: 'delete' | 'compact'; retentionMs: number }) => runtime.topic(spec).name;
    const oversold = new Counter({ name: 'tributary_inventory_oversold_total', help: 'Keys whose available-to-sell dropped to zero or below from above.', registers: [metrics.registry] });
    const projector = new Projector({
      topics: {
        adjustment: name(topics.inventoryAdjustment), order: name(topics.order), shipment: name(topics.shipment), return: name(topics.return),
        customer: name(topics.customer), xref: name(topics.xref), level: name(topics.inventoryLevel), profile: name(topics.customerProfile),
        changelog: name(changelogTopic), deadLetter: name(dlq),
      },
      codecs: {
        adjustment: await runtime.codec<InventoryAdjustmentEvent>(topics.inventoryAdjustment, topics.inventoryAdjustment.valueSchema),
        order: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
        shipment: await runtime.codec<ShipmentEvent>(topics.shipment, topics.shipment.valueSchema),
        return: await runtime.codec<ReturnEvent>(topics.return, topics.return.valueSchema),
        customer: await runtime.codec<CustomerEvent>(topics.customer, topics.customer.valueSchema),
        xref: await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema),
        level: await runtime.codec<InventoryLevelEvent>(topics.inventoryLevel, topics.inventoryLevel.valueSchema),
        profile: await runtime.codec<CustomerProfileEvent>(topics.customerProfile, topics.customerProfile.valueSchema),
      },
      rules: inventoryRules(mapping),
      shipFrom: shipFromRule(mapping),
      masters: mapping.customerProfile.masters,
      log,
      onOversold: () => oversold.inc(),
    });
    const processor = new TransactionalProcessor({
      kafka: runtime.kafka,
      groupId: config.PROJECTOR_GROUP_ID,
      transactionalId: config.PROJECTOR_TRANSACTIONAL_ID,
      topics: projector.inputTopics,
      transform: (batch) => projector.transform(batch),
      commit: () => projector.commit(),
      rollback: () => projector.rollback(),
      service: SERVICE,
      metrics,
      log,
      sessionTimeoutMs: config.PROJECTOR_SESSION_TIMEOUT_MS,
      transactionTimeoutMs: config.PROJECTOR_TRANSACTION_TIMEOUT_MS,
    });
    this.processor = processor;

    // Fence first: a killed predecessor's open transaction is aborted before the state is read.
    await processor.fence();
    const started = performance.now();
    const changelog = await readCommittedToEnd(runtime.kafka, [name(changelogTopic)], (_topic, messages) => projector.restoreChangelog(messages));
    const profiles = await readCommittedToEnd(runtime.kafka, [name(topics.customerProfile)], (_topic, messages) => projector.restoreProfiles(messages));
    const rebuildSeconds = (performance.now() - started) / 1000;
    new Gauge({ name: 'tributary_projector_rebuild_seconds', help: 'Time to rebuild the state from the compacted topics at start.', registers: [metrics.registry] }).set(rebuildSeconds);
    new Gauge({
      name: 'tributary_projector_state_keys', help: 'Keys held in memory, by kind.', labelNames: ['kind'] as const, registers: [metrics.registry],
      collect() { this.set({ kind: 'stock' }, projector.stocks.size); this.set({ kind: 'reservation' }, projector.reservations.size); this.set({ kind: 'profile' }, projector.profiles.size); },
    });
    log.info({ changelog, profiles, stocks: projector.stocks.size, reservations: projector.reservations.size, customers: projector.profiles.size, ms: Math.round(rebuildSeconds * 1000) }, 'state rebuilt from the compacted topics');

    await processor.start();
    this.running = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.processor?.stop();
  }
}

@Module({})
export class InventoryProjectorModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: InventoryProjectorModule,
      imports: [TributaryRuntimeModule.forRoot({
        service: SERVICE, env,
        topics: [topics.inventoryAdjustment, topics.order, topics.shipment, topics.return, topics.customer, topics.xref, topics.inventoryLevel, topics.customerProfile, changelogTopic, dlq],
      })],
      providers: [{ provide: PROJECTOR_CONFIG, useFactory: () => loadConfig(inventoryProjectorEnvSchema, env) }, InventoryProjectorHost],
    };
  }
}
