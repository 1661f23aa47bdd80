import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { commonEnvSchema, loadConfig, type CommonEnv } from '@tributary/config';
import { createLogger, OpsServer, Readiness, startTracing, TributaryMetrics, type Logger } from '@tributary/observability';
import { KafkaRuntime } from '../kafka-runtime.js';
import type { TopicSpec } from '../topics/topic-provisioner.js';

export const SERVICE_ENV = Symbol('SERVICE_ENV');
export const COMMON_CONFIG = Symbol('COMMON_CONFIG');
export const LOGGER = Symbol('LOGGER');

export interface RuntimeModuleOptions {
  service: string;
  topics: readonly TopicSpec[];
  /** The environment to read (process.env in production; an object in tests). */
  env: NodeJS.ProcessEnv;
}

/** Starts the ops port (metrics, health) after everything else, closes Kafka last. */
class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly ops: OpsServer;

  constructor(
    @Inject(COMMON_CONFIG) private readonly config: CommonEnv,
    @Inject(LOGGER) private readonly log: Logger,
    @Inject(TributaryMetrics) metrics: TributaryMetrics,
    @Inject(Readiness) readiness: Readiness,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
  ) {
    this.ops = new OpsServer(metrics, readiness);
    for (const check of runtime.readinessChecks()) readiness.add(check);
  }

  async onApplicationBootstrap(): Promise<void> {
    const port = await this.ops.listen(this.config.OPS_PORT, this.config.OPS_HOST);
    this.log.info({ port }, 'ops endpoints listening (/metrics, /health/live, /health/ready)');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ops.close();
    await this.runtime.close();
  }
}

/**
 * The NestJS face of the runtime: config, logger, metrics, readiness and the Kafka runtime as
 * injectable providers. We use a plain module rather than a microservices transport so decoding,
 * retries, the DLQ and commits stay in our pipeline runner, where they can be tested and reasoned
 * about, instead of inside Nest's deserializer (where a decode error becomes a poison loop).
 */
@Module({})
export class TributaryRuntimeModule {
  static forRoot(options: RuntimeModuleOptions): DynamicModule {
    return {
      module: TributaryRuntimeModule,
      global: true,
      providers: [
        { provide: SERVICE_ENV, useValue: options.env },
        { provide: COMMON_CONFIG, useFactory: () => loadConfig(commonEnvSchema, options.env) },
        {
          provide: LOGGER,
          useFactory: (config: CommonEnv) => {
            // Tracing (once per process): spans always, OTLP export only when configured (TRIBUTARY_TRACING=otlp or OTEL_EXPORTER_OTLP_ENDPOINT).
            startTracing({ service: options.service, env: options.env });
            return createLogger(options.service, config.LOG_LEVEL);
          },
          inject: [COMMON_CONFIG],
        },
        { provide: TributaryMetrics, useFactory: () => new TributaryMetrics(options.service) },
        { provide: Readiness, useFactory: () => new Readiness() },
        {
          provide: KafkaRuntime,
          useFactory: (config: CommonEnv, log: Logger) => KafkaRuntime.start({ service: options.service, config, log, topics: options.topics }),
          inject: [COMMON_CONFIG, LOGGER],
        },
        RuntimeLifecycle,
      ],
      exports: [SERVICE_ENV, COMMON_CONFIG, LOGGER, TributaryMetrics, Readiness, KafkaRuntime],
    };
  }
}
