import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { deadLetterTopic, topics, type CrossReference, type CustomerEvent, type OrderEvent, type ProductEvent } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { ClarityApiClient } from '@tributary/connectors-clarity';
import { SalesforceClient, salesforceClientOptions } from '@tributary/connectors-salesforce';
import { DeadLetterChannel, IdempotencyLedger, KafkaRuntime, LOGGER, startPipelines, TributaryRuntimeModule, type PipelineRunner } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { TributaryMetrics, Readiness, type Logger } from '@tributary/observability';
import { ApiBudget } from './api-budget.js';
import { customerPipeline } from './customer.pipeline.js';
import { CustomerReview } from './customer-review.js';
import { orderPipeline } from './order.pipeline.js';
import { productPipeline } from './product.pipeline.js';
import { salesforceSinkEnvSchema, type SalesforceSinkConfig } from './salesforce-sink.config.js';
import { UpsertBatcher } from './upsert-batcher.js';

export const SINK_CONFIG = Symbol('SINK_CONFIG');
const SERVICE = 'salesforce-sink';
const dlq = deadLetterTopic(SERVICE);

/**
 * salesforce-sink, read as a table:
 *   commerce.customer.v1  →  customerPipeline  →  Account (+ Contact) upserts by Clarity_Customer_Id__c, batched in sObject collections
 *   commerce.order.v1     →  orderPipeline     →  Account found/created, Order (Draft) + OrderItems in one /composite (or Opportunity)
 *   commerce.product.v1   →  productPipeline   →  Product2 upsert + standard PricebookEntry price
 *   failures              →  dlq.salesforce-sink.v1 (REVIEW.* for a person);  ledger: integration.xref.v1
 * Every call carries Sforce-Call-Options client=<SALESFORCE_CLIENT_NAME>; the daily API budget is
 * watched from Sforce-Limit-Info and never used beyond SALESFORCE_API_BUDGET_SHARE.
 */
class SalesforceSinkHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: PipelineRunner | undefined;
  private client: SalesforceClient | undefined;
  readonly batcher: UpsertBatcher;

  constructor(
    @Inject(SINK_CONFIG) private readonly config: SalesforceSinkConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {
    this.batcher = new UpsertBatcher(() => this.salesforce(), { lingerMs: config.SALESFORCE_BATCH_LINGER_MS, maxRecords: Math.min(200, config.SALESFORCE_BATCH_MAX) });
  }

  private budget: ApiBudget | undefined;

  private salesforce(): SalesforceClient {
    if (this.client) return this.client;
    this.budget ??= new ApiBudget(this.metrics, this.config.SALESFORCE_API_BUDGET_SHARE, this.config.SALESFORCE_LIMIT_RETRY_AFTER_MS);
    this.client = new SalesforceClient(salesforceClientOptions(this.config, {
      onRequest: this.metrics.requestRecorder('salesforce'),
      onLimits: this.budget.onLimits,
      limitRetryAfterMs: this.config.SALESFORCE_LIMIT_RETRY_AFTER_MS,
    }));
    return this.client;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const rules = loadMappingConfig(config.MAPPING_FILE).salesforce;
    const sf = this.salesforce();
    const budget = this.budget!;
    const beforeCall = () => budget.guard(sf);
    let recordTypes: Promise<Map<string, string>> | undefined;
    const loadRecordTypes = () => {
      recordTypes ??= sf.query<{ Id: string; Name: string; DeveloperName: string }>("SELECT Id, Name, DeveloperName FROM RecordType WHERE SobjectType = 'Account'")
        .then((result) => new Map(result.records.flatMap((r) => [[r.DeveloperName, r.Id], [r.Name, r.Id]] as Array<[string, string]>)))
        .catch((error: unknown) => { recordTypes = undefined; throw error; });
      return recordTypes;
    };
    const xrefCodec = await runtime.codec<CrossReference>(topics.xref, topics.xref.valueSchema);
    const ledger = await IdempotencyLedger.load(runtime.kafka, runtime.topic(topics.xref).name, xrefCodec, runtime.producer);
    this.log.info({ entries: ledger.size, b2cShape: rules.b2cShape, syncWhen: rules.syncWhen?.source }, 'idempotency ledger loaded');
    const customerCodec = await runtime.codec<CustomerEvent>(topics.customer, topics.customer.valueSchema);
    const review = new CustomerReview(metrics, { deadLetters: new DeadLetterChannel(runtime.topic(dlq).name, SERVICE, runtime.producer), ledger, codec: customerCodec, pipeline: 'salesforce-customers' });
    const clarity = config.CLARITY_API_URL && config.CLARITY_CLIENT_ID && config.CLARITY_CLIENT_SECRET
      ? new ClarityApiClient({ baseUrl: config.CLARITY_API_URL, clientId: config.CLARITY_CLIENT_ID, clientSecret: config.CLARITY_CLIENT_SECRET, onRequest: metrics.requestRecorder('clarity') })
      : undefined;
    const salesforce = () => sf;

    this.runner = await startPipelines(runtime, {
      group: SERVICE,
      deadLetterTopic: dlq,
      outcomeTopic: topics.outcome,
      metrics,
      log: this.log,
      concurrency: config.SINK_CONCURRENCY,
      retryPolicy: { maxAttempts: config.RETRY_MAX_ATTEMPTS, initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS, probeIntervalMs: config.CIRCUIT_PROBE_INTERVAL_MS },
      pipelines: [
        customerPipeline({ source: runtime.topic(topics.customer), codec: customerCodec, salesforce, batcher: this.batcher, ledger, rules, recordTypes: loadRecordTypes, review, beforeCall, ...(clarity ? { clarity } : {}) }),
        orderPipeline({ source: runtime.topic(topics.order), codec: await runtime.codec<OrderEvent>(topics.order, topics.order.valueSchema), salesforce, batcher: this.batcher, ledger, rules, recordTypes: loadRecordTypes, beforeCall }),
        productPipeline({ source: runtime.topic(topics.product), codec: await runtime.codec<ProductEvent>(topics.product, topics.product.valueSchema), salesforce, batcher: this.batcher, ledger, rules, beforeCall }),
      ],
    });
    const runner = this.runner;
    this.readiness.add({ name: 'consumer', check: async () => { if (!runner.healthy) throw new Error('consumer crashed'); } });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    await this.client?.close();
  }
}

@Module({})
export class SalesforceSinkModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: SalesforceSinkModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.customer, topics.order, topics.product, topics.xref, topics.outcome, dlq] })],
      providers: [{ provide: SINK_CONFIG, useFactory: () => loadConfig(salesforceSinkEnvSchema, env) }, SalesforceSinkHost],
    };
  }
}
