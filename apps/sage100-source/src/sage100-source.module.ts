import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topics, type InventoryAdjustmentEvent, type OrderStatusEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { Sage100Client, sage100ClientOptions } from '@tributary/connectors-sage100';
import { ChangeFeed, defaultRetryPolicy, KafkaRuntime, LOGGER, PollingLoop, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { orderFeed } from './order-feed.js';
import { sage100SourceEnvSchema, type Sage100SourceConfig } from './sage100-source.config.js';
import { shipmentFeed } from './shipment-feed.js';
import { stockFeed } from './stock-feed.js';

export const SOURCE_CONFIG = Symbol('SOURCE_CONFIG');
const SERVICE = 'sage100-source';

/**
 * sage100-source, read as a table (a singleton: one replica), per company:
 *   SO invoices with Tracking rows (polled by DateUpdated)   →  commerce.shipment.v1 (carrier from ShipVia)
 *   IM_ItemWarehouse (polled by DateUpdated)                  →  inventory.adjustment.v1
 *   SO sales orders, open and history (by DateUpdated)        →  commerce.order-status.v1
 * Each feed rebuilds its watermark and emitted versions from its own topic at start; the
 * watermark's second is read again (Sage stamps whole seconds) and versions already emitted are skipped.
 */
class Sage100SourceHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private loop: PollingLoop | undefined;
  private readonly clients: Sage100Client[] = [];

  constructor(
    @Inject(SOURCE_CONFIG) private readonly config: Sage100SourceConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const mapping = loadMappingConfig(config.MAPPING_FILE);
    const skus = new Map(Object.entries(mapping.items.items).map(([sku, itemCode]) => [itemCode, sku]));
    const skuOf = (itemCode: string) => skus.get(itemCode) ?? itemCode;
    const locations = new Map(Object.entries(mapping.sage100.warehouses).map(([location, code]) => [code, location]));
    const locationOf = (warehouseCode: string) => locations.get(warehouseCode) ?? warehouseCode;
    const { kafka, producer } = runtime;
    const companies = config.SAGE100_SOURCE_COMPANIES?.length ? config.SAGE100_SOURCE_COMPANIES : [config.SAGE100_COMPANY_CODE];

    const running: Array<{ name: string; poll: () => Promise<number> }> = [];
    for (const companyCode of companies) {
      const sage = new Sage100Client(sage100ClientOptions(config, { companyCode, onRequest: metrics.requestRecorder('sage100') }));
      this.clients.push(sage);
      const feeds = {
        shipments: async () => ChangeFeed.resume(kafka, shipmentFeed({
          sage, producer, skuOf, rules: mapping.sage100,
          codec: await runtime.codec<ShipmentEvent>(topics.shipment, topics.shipment.valueSchema),
          topic: runtime.topic(topics.shipment).name,
        })),
        stock: async () => ChangeFeed.resume(kafka, stockFeed({
          sage, producer, skuOf, locationOf,
          codec: await runtime.codec<InventoryAdjustmentEvent>(topics.inventoryAdjustment, topics.inventoryAdjustment.valueSchema),
          topic: runtime.topic(topics.inventoryAdjustment).name,
        })),
        orders: async () => ChangeFeed.resume(kafka, orderFeed({
          sage, producer, currency: mapping.company.baseCurrency,
          codec: await runtime.codec<OrderStatusEvent>(topics.orderStatus, topics.orderStatus.valueSchema),
          topic: runtime.topic(topics.orderStatus).name,
        })),
      };
      for (const name of config.SAGE100_SOURCE_FEEDS) {
        const feed = await feeds[name]();
        const label = `${companyCode}:${name}`;
        this.log.info({ feed: label, ...feed.resumedFrom }, 'feed resumed from its topic');
        const exportWatermark = () => { const { watermark } = feed.resumedFrom; if (watermark > 0) metrics.sourceWatermark.set({ source: SERVICE, feed: label }, watermark / 1000); };
        exportWatermark();
        running.push({ name: label, poll: async () => { const emitted = await feed.poll(); exportWatermark(); return emitted; } });
      }
    }
    const poll = async () => {
      let emitted = 0;
      for (const feed of running) emitted += await feed.poll();
      return emitted;
    };
    this.log.info({ feeds: config.SAGE100_SOURCE_FEEDS, companies, intervalMs: config.POLL_INTERVAL_MS }, 'polling Sage 100');
    const loop = new PollingLoop({ name: SERVICE, system: 'sage100', intervalMs: config.POLL_INTERVAL_MS, poll, retryPolicy: defaultRetryPolicy, metrics, log: this.log });
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
    for (const client of this.clients) await client.close();
  }
}

@Module({})
export class Sage100SourceModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: Sage100SourceModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.shipment, topics.inventoryAdjustment, topics.orderStatus] })],
      providers: [{ provide: SOURCE_CONFIG, useFactory: () => loadConfig(sage100SourceEnvSchema, env) }, Sage100SourceHost],
    };
  }
}
