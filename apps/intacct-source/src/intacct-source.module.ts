import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topics, type InventoryAdjustmentEvent, type OrderStatusEvent, type ProductEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { IntacctClient, intacctClientOptions } from '@tributary/connectors-intacct';
import { ChangeFeed, defaultRetryPolicy, KafkaRuntime, LOGGER, PollingLoop, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { orderDocumentTypes } from '@tributary/mapping-intacct';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { intacctSourceEnvSchema, type IntacctSourceConfig } from './intacct-source.config.js';
import { documentFeed } from './document-feed.js';
import { itemFeed } from './item-feed.js';
import { stockFeed } from './stock-feed.js';

export const SOURCE_CONFIG = Symbol('SOURCE_CONFIG');
const SERVICE = 'intacct-source';

/**
 * intacct-source, read as a table (a singleton: one replica):
 *   Intacct ITEMWAREHOUSEINFO (polled by WHENMODIFIED)        →  inventory.adjustment.v1
 *   Intacct ITEM master (polled by WHENMODIFIED)               →  commerce.product.v1
 *   Intacct SODOCUMENT of the order types (by WHENMODIFIED)    →  commerce.order-status.v1
 * Each feed rebuilds its watermark and emitted versions from its own topic at start.
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
    metrics.watchBudget('intacct', () => intacct.requestBudget);
    const { kafka, producer } = runtime;
    const skuOf = (itemId: string) => skus.get(itemId) ?? itemId;
    const feeds = {
      stock: async () => ChangeFeed.resume(kafka, stockFeed({
        intacct, producer, skuOf,
        codec: await runtime.codec<InventoryAdjustmentEvent>(topics.inventoryAdjustment, topics.inventoryAdjustment.valueSchema),
        topic: runtime.topic(topics.inventoryAdjustment).name,
      })),
      items: async () => ChangeFeed.resume(kafka, itemFeed({
        intacct, producer, skuOf, baseCurrency: mapping.company.baseCurrency,
        codec: await runtime.codec<ProductEvent>(topics.product, topics.product.valueSchema),
        topic: runtime.topic(topics.product).name,
      })),
      documents: async () => ChangeFeed.resume(kafka, documentFeed({
        intacct, producer,
        codec: await runtime.codec<OrderStatusEvent>(topics.orderStatus, topics.orderStatus.valueSchema),
        topic: runtime.topic(topics.orderStatus).name,
        transactionTypes: orderDocumentTypes(mapping, config.INTACCT_TRANSACTION_TYPE),
        invoiceTransactionTypes: mapping.invoiceTransactionTypes,
      })),
    };
    const running: Array<{ name: string; poll: () => Promise<number> }> = [];
    for (const name of config.INTACCT_SOURCE_FEEDS) {
      const feed = await feeds[name]();
      this.log.info({ feed: name, ...feed.resumedFrom }, 'feed resumed from its topic');
      const exportWatermark = () => { const { watermark } = feed.resumedFrom; if (watermark > 0) metrics.sourceWatermark.set({ source: SERVICE, feed: name }, watermark / 1000); };
      exportWatermark();
      running.push({ name, poll: async () => { const emitted = await feed.poll(); exportWatermark(); return emitted; } });
    }
    const poll = async () => {
      let emitted = 0;
      for (const feed of running) emitted += await feed.poll();
      return emitted;
    };
    this.log.info({ feeds: config.INTACCT_SOURCE_FEEDS, intervalMs: config.POLL_INTERVAL_MS }, 'polling Intacct');
    const loop = new PollingLoop({ name: SERVICE, system: 'intacct', intervalMs: config.POLL_INTERVAL_MS, poll, retryPolicy: defaultRetryPolicy, metrics, log: this.log });
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
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.inventoryAdjustment, topics.product, topics.orderStatus] })],
      providers: [{ provide: SOURCE_CONFIG, useFactory: () => loadConfig(intacctSourceEnvSchema, env) }, IntacctSourceHost],
    };
  }
}
