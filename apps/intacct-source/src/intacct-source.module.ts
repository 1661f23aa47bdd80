import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topics, type InventoryAdjustmentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { IntacctClient, intacctClientOptions } from '@tributary/connectors-intacct';
import { defaultRetryPolicy, KafkaRuntime, LOGGER, PollingLoop, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { intacctSourceEnvSchema, type IntacctSourceConfig } from './intacct-source.config.js';
import { StockChanges } from './stock-changes.js';

export const SOURCE_CONFIG = Symbol('SOURCE_CONFIG');
const SERVICE = 'intacct-source';

/**
 * intacct-source, read as a table (a singleton: one replica):
 *   Intacct ITEMWAREHOUSEINFO (polled by WHENMODIFIED)  →  inventory.adjustment.v1
 */
class IntacctSourceHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: PollingLoop | undefined;
  private intacct: IntacctClient | undefined;

  constructor(
    @Inject(SOURCE_CONFIG) private readonly config: IntacctSourceConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    const skus = new Map(Object.entries(mapping.items.items).map(([sku, itemId]) => [itemId, sku]));
    const intacct = new IntacctClient(intacctClientOptions(config, {
      onRequest: metrics.requestRecorder('intacct'),
    }));
    this.intacct = intacct;
    const stock = await StockChanges.resume(runtime.kafka, {
      intacct,
      producer: runtime.producer,
      codec: await runtime.codec<InventoryAdjustmentEvent>(topics.inventoryAdjustment, topics.inventoryAdjustment.valueSchema),
      topic: runtime.topic(topics.inventoryAdjustment).name,
      skuOf: (itemId) => skus.get(itemId) ?? itemId,
    });
    this.log.info({ ...stock.resumedFrom, intervalMs: config.POLL_INTERVAL_MS }, 'stock polling resumed from the inventory topic');
    const loop = new PollingLoop({ name: SERVICE, system: 'intacct', intervalMs: config.POLL_INTERVAL_MS, poll: () => stock.poll(), retryPolicy: defaultRetryPolicy, metrics, log: this.log });
    this.loop = loop;
    loop.start();
    this.readiness.add({
      name: 'polling',
      check: async () => {
        if (loop.lastSuccessAt === 0 || Date.now() - loop.lastSuccessAt > 3 * config.POLL_INTERVAL_MS + 60_000) throw new Error('no successful poll recently');
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
    await this.intacct?.close();
  }
}

@Module({})
export class IntacctSourceModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: IntacctSourceModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.inventoryAdjustment] })],
      providers: [{ provide: SOURCE_CONFIG, useFactory: () => loadConfig(intacctSourceEnvSchema, env) }, IntacctSourceHost],
    };
  }
}
