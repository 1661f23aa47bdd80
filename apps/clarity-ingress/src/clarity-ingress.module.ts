import { Module, type DynamicModule } from '@nestjs/common';
import { topics, type ClarityWebhookReceived, type OrderEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { KafkaRuntime, LOGGER, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { TributaryMetrics, type Logger } from '@tributary/observability';
import { clarityIngressEnvSchema, type ClarityIngressConfig } from './clarity-ingress.config.js';
import { OrderWebhookIntake } from './order-webhook-intake.js';
import { WebhookController } from './webhook.controller.js';

export const INGRESS_CONFIG = Symbol('INGRESS_CONFIG');

/** Clarity webhooks → `clarity.webhook.v1` (audit, verbatim) and `commerce.order.v1` (canonical). */
@Module({})
export class ClarityIngressModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: ClarityIngressModule,
      imports: [TributaryRuntimeModule.forRoot({ service: 'clarity-ingress', env, topics: [topics.clarityWebhook, topics.order] })],
      controllers: [WebhookController],
      providers: [
        { provide: INGRESS_CONFIG, useFactory: () => loadConfig(clarityIngressEnvSchema, env) },
        {
          provide: OrderWebhookIntake,
          inject: [INGRESS_CONFIG, KafkaRuntime, TributaryMetrics, LOGGER],
          useFactory: async (config: ClarityIngressConfig, runtime: KafkaRuntime, metrics: TributaryMetrics, log: Logger) =>
            new OrderWebhookIntake({
              secrets: config.CLARITY_WEBHOOK_SECRETS,
              toleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
              producer: runtime.producer,
              topics: { audit: runtime.topic(topics.clarityWebhook).name, order: runtime.topic(topics.order).name },
              auditCodec: await runtime.codec<ClarityWebhookReceived>(topics.clarityWebhook, topics.clarityWebhook.valueSchema),
              orderCodec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema),
              metrics,
              log,
            }),
        },
      ],
    };
  }
}
