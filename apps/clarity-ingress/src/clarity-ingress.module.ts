import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { topics, type ClarityWebhookReceived, type IntegrationOutcome, type CustomerEvent, type InventoryAdjustmentEvent, type OrderEvent, type PaymentEvent, type ProductEvent, type ReturnEvent, type ShipmentEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { ClarityApiClient, clarityApiClientOptions } from '@tributary/connectors-clarity';
import { KafkaRuntime, LOGGER, readTopicRange, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { TributaryMetrics, type Logger } from '@tributary/observability';
import { clarityApiSettings, clarityIngressEnvSchema, type ClarityIngressConfig } from './clarity-ingress.config.js';
import { DeliveryMemory } from './delivery-memory.js';
import { ClarityWebhookIntake } from './webhook-intake.js';
import { canonicalTopics } from '@tributary/mapping-clarity';
import { WebhookController } from './webhook.controller.js';

export const INGRESS_CONFIG = Symbol('INGRESS_CONFIG');
export const CLARITY_API = Symbol('CLARITY_API');
export const DELIVERY_MEMORY = Symbol('DELIVERY_MEMORY');

class ClarityApiLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CLARITY_API) private readonly clarity: ClarityApiClient | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.clarity?.close();
  }
}

const headerText = (headers: Record<string, unknown> | undefined): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value[0]?.toString() : value?.toString()]));

/**
 * Rebuilds what the ingress remembers (webhook ids, newest entity states) from the audit topic
 * over the dedupe window, before it answers its first webhook.
 */
const rebuildMemory = async (config: ClarityIngressConfig, runtime: KafkaRuntime, log: Logger): Promise<DeliveryMemory> => {
  const windowMs = config.WEBHOOK_DEDUPE_WINDOW_HOURS * 3_600_000;
  const memory = new DeliveryMemory({ windowMs, maxEntries: config.WEBHOOK_DEDUPE_MAX_IDS });
  const now = Date.now();
  const started = performance.now();
  const read = await readTopicRange(runtime.kafka, runtime.topic(topics.clarityWebhook).name, { fromMs: now - windowMs, toMs: now + 60_000 }, (message) => {
    const webhookId = message.key?.toString();
    if (webhookId) memory.replay({ webhookId, at: Number(message.timestamp), headers: headerText(message.headers) });
  });
  log.info({ read, ...memory.size, ms: Math.round(performance.now() - started) }, 'webhook ids and entity states rebuilt from the audit topic');
  return memory;
};

/**
 * Clarity webhooks → `clarity.webhook.v1` (audit, verbatim) and their canonical topic
 * (`commerce.order.v1`, `commerce.payment.v1`, `commerce.return.v1`, `commerce.product.v1`,
 * `commerce.customer.v1`, `commerce.shipment.v1`, `inventory.adjustment.v1`); which type goes
 * where is the route table in webhook-routes.ts.
 */
@Module({})
export class ClarityIngressModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: ClarityIngressModule,
      imports: [TributaryRuntimeModule.forRoot({ service: 'clarity-ingress', env, topics: [topics.clarityWebhook, topics.outcome, ...Object.values(canonicalTopics)] })],
      controllers: [WebhookController],
      providers: [
        { provide: INGRESS_CONFIG, useFactory: () => loadConfig(clarityIngressEnvSchema, env) },
        {
          provide: CLARITY_API,
          useFactory: () => {
            const settings = clarityApiSettings(env, (schema) => loadConfig(schema, env));
            return settings === null ? null : new ClarityApiClient(clarityApiClientOptions(settings));
          },
        },
        ClarityApiLifecycle,
        {
          provide: DELIVERY_MEMORY,
          inject: [INGRESS_CONFIG, KafkaRuntime, LOGGER],
          useFactory: rebuildMemory,
        },
        {
          provide: ClarityWebhookIntake,
          inject: [INGRESS_CONFIG, KafkaRuntime, TributaryMetrics, LOGGER, CLARITY_API, DELIVERY_MEMORY],
          useFactory: async (config: ClarityIngressConfig, runtime: KafkaRuntime, metrics: TributaryMetrics, log: Logger, clarity: ClarityApiClient | null, memory: DeliveryMemory) =>
            new ClarityWebhookIntake({
              secrets: config.CLARITY_WEBHOOK_SECRETS,
              toleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
              producer: runtime.producer,
              topics: {
                audit: runtime.topic(topics.clarityWebhook).name,
                order: runtime.topic(topics.order).name,
                payment: runtime.topic(topics.payment).name,
                return: runtime.topic(topics.return).name,
                product: runtime.topic(topics.product).name,
                customer: runtime.topic(topics.customer).name,
                shipment: runtime.topic(topics.shipment).name,
                inventoryAdjustment: runtime.topic(topics.inventoryAdjustment).name,
              },
              auditCodec: await runtime.codec<ClarityWebhookReceived>(topics.clarityWebhook, topics.clarityWebhook.valueSchema),
              outcomes: ((codec) => ({ topic: runtime.topic(topics.outcome).name, encode: (value: IntegrationOutcome) => codec.encode(value) }))(await runtime.codec<IntegrationOutcome>(topics.outcome, topics.outcome.valueSchema)),
              encoders: {
                order: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
                payment: await runtime.codec<PaymentEvent>(topics.payment, topics.payment.valueSchema),
                return: await runtime.codec<ReturnEvent>(topics.return, topics.return.valueSchema),
                product: await runtime.codec<ProductEvent>(topics.product, topics.product.valueSchema),
                customer: await runtime.codec<CustomerEvent>(topics.customer, topics.customer.valueSchema),
                shipment: await runtime.codec<ShipmentEvent>(topics.shipment, topics.shipment.valueSchema),
                inventoryAdjustment: await runtime.codec<InventoryAdjustmentEvent>(topics.inventoryAdjustment, topics.inventoryAdjustment.valueSchema),
              },
              metrics,
              log,
              clarity: clarity ?? undefined,
              memory,
              changeOrigin: config.CLARITY_CHANGE_ORIGIN,
            }),
        },
      ],
    };
  }
}
