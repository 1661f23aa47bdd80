import { Module, type DynamicModule } from '@nestjs/common';
import { topics, type ClarityWebhookReceived, type OrderEvent, type PaymentEvent, type ProductEvent, type ReturnEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { KafkaRuntime, LOGGER, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { TributaryMetrics, type Logger } from '@tributary/observability';
import { clarityIngressEnvSchema, type ClarityIngressConfig } from './clarity-ingress.config.js';
import { ClarityWebhookIntake } from './webhook-intake.js';
import { canonicalTopics } from './webhook-routes.js';
import { WebhookController } from './webhook.controller.js';

export const INGRESS_CONFIG = Symbol('INGRESS_CONFIG');

/**
 * Clarity webhooks → `clarity.webhook.v1` (audit, verbatim) and their canonical topic
 * (`commerce.order.v1`, `commerce.payment.v1`, `commerce.return.v1`, `commerce.product.v1`);
 * which type goes where is the route table in webhook-routes.ts.
 */
@Module({})
export class ClarityIngressModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: ClarityIngressModule,
      imports: [TributaryRuntimeModule.forRoot({ service: 'clarity-ingress', env, topics: [topics.clarityWebhook, ...Object.values(canonicalTopics)] })],
      controllers: [WebhookController],
      providers: [
        { provide: INGRESS_CONFIG, useFactory: () => loadConfig(clarityIngressEnvSchema, env) },
        {
          provide: ClarityWebhookIntake,
          inject: [INGRESS_CONFIG, KafkaRuntime, TributaryMetrics, LOGGER],
          useFactory: async (config: ClarityIngressConfig, runtime: KafkaRuntime, metrics: TributaryMetrics, log: Logger) =>
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
              },
              auditCodec: await runtime.codec<ClarityWebhookReceived>(topics.clarityWebhook, topics.clarityWebhook.valueSchema),
              encoders: {
                order: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
                payment: await runtime.codec<PaymentEvent>(topics.payment, topics.payment.valueSchema),
                return: await runtime.codec<ReturnEvent>(topics.return, topics.return.valueSchema),
                product: await runtime.codec<ProductEvent>(topics.product, topics.product.valueSchema),
              },
              metrics,
              log,
            }),
        },
      ],
    };
  }
}
