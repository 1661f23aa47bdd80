import { Inject, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { topics, type CustomerEvent, type TopicDefinition } from '@tributary/canonical-model';
import { loadConfig } from '@tributary/config';
import { IntegrationError } from '@tributary/core';
import { SalesforceClient, salesforceClientOptions, SalesforceErrorCode, type ChangeSubscription } from '@tributary/connectors-salesforce';
import { KafkaRuntime, LOGGER, readTopicToEnd, TributaryRuntimeModule } from '@tributary/kafka-runtime';
import { loadMappingConfig } from '@tributary/mapping-core';
import { Readiness, TributaryMetrics, type Logger } from '@tributary/observability';
import { ChangeProcessor, entityOfChannel } from './change-processor.js';
import { CheckpointStore } from './checkpoint-store.js';
import { salesforceCdcSourceEnvSchema, type SalesforceCdcSourceConfig } from './salesforce-cdc-source.config.js';

export const SOURCE_CONFIG = Symbol('SOURCE_CONFIG');
const SERVICE = 'salesforce-cdc-source';
/** Replay ids per channel, written after the canonical events they caused are acknowledged. */
export const checkpointTopic: TopicDefinition = { name: 'salesforce-cdc-source.checkpoints.v1', partitions: 1, cleanupPolicy: 'compact', retentionMs: -1 };

/**
 * salesforce-cdc-source, read as a table (a singleton: one replica):
 *   /data/AccountChangeEvent, /data/ContactChangeEvent (CometD, Replay + AuthFailure)
 *     → full records re-read → commerce.customer.v1 (source salesforce; echoes of our writes dropped)
 *   replay ids → salesforce-cdc-source.checkpoints.v1 (compacted), after the events are acked
 *   GAP_* → re-read; GAP_OVERFLOW and an expired replay id → resync by SystemModstamp
 */
class SalesforceCdcSourceHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private client: SalesforceClient | undefined;
  private subscription: ChangeSubscription | undefined;
  private stopping = false;
  private restarting: Promise<void> | undefined;
  private opening = false;

  constructor(
    @Inject(SOURCE_CONFIG) private readonly config: SalesforceCdcSourceConfig,
    @Inject(KafkaRuntime) private readonly runtime: KafkaRuntime,
    @Inject(TributaryMetrics) private readonly metrics: TributaryMetrics,
    @Inject(Readiness) private readonly readiness: Readiness,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config, runtime, metrics } = this;
    const rules = loadMappingConfig(config.MAPPING_FILE).salesforce;
    const client = new SalesforceClient(salesforceClientOptions(config, { onRequest: metrics.requestRecorder('salesforce') }));
    this.client = client;
    const codec = await runtime.codec<CustomerEvent>(topics.customer, topics.customer.valueSchema);
    const checkpoints = await CheckpointStore.load(runtime.kafka, runtime.topic(checkpointTopic).name, runtime.producer);
    const processor = new ChangeProcessor({
      salesforce: () => client, producer: runtime.producer, codec, topic: runtime.topic(topics.customer).name, checkpoints,
      clientName: config.SALESFORCE_CLIENT_NAME, extIdField: rules.externalIds.customer, countryNames: rules.address.countryNames,
      resyncLimit: config.SALESFORCE_CDC_RESYNC_LIMIT, metrics, service: SERVICE, log: this.log,
    });
    // Rebuild what was emitted (per record, the newest SystemModstamp) from the topic itself.
    const values: Array<Buffer | null> = [];
    await readTopicToEnd(runtime.kafka, runtime.topic(topics.customer).name, (m) => { if (m.headers?.['source']?.toString() === 'salesforce') values.push(m.value); });
    for (const decoded of await codec.decodeMany(values)) if (decoded.ok && decoded.value.source === 'salesforce') processor.remember(decoded.value);
    processor.integrationUserId = (await client.authorize()).userId;
    this.log.info({ checkpoints: checkpoints.all(), ...processor.known, integrationUser: processor.integrationUserId }, 'CDC source resumed');

    const subscribe = async (): Promise<void> => {
      const start = Object.fromEntries(config.SALESFORCE_CDC_CHANNELS.map((channel) => [channel, checkpoints.get(channel)?.replayId ?? config.SALESFORCE_CDC_INITIAL_REPLAY]));
      this.opening = true;
      try {
        this.subscription = await client.subscribeChanges(config.SALESFORCE_CDC_CHANNELS, start, (event) => processor.handle(event), {
          // A refusal while opening is thrown by subscribeChanges itself (handled below), not a failure of a running stream.
          onError: (error) => { if (!this.opening) this.failed(error, subscribe); },
          resumeFrom: (channel) => checkpoints.get(channel)?.replayId,
        });
        this.opening = false;
        this.log.info({ start }, 'subscribed to change events');
      } catch (error) {
        this.opening = false;
        if (error instanceof IntegrationError && error.code === SalesforceErrorCode.replayIdInvalid) {
          await this.recoverExpired(processor, checkpoints, error);
          return subscribe();
        }
        throw error;
      }
    };
    this.resubscribe = subscribe;
    this.processor = processor;
    this.checkpoints = checkpoints;
    await this.retrying(subscribe);
    this.readiness.add({ name: 'subscription', check: async () => { if (!this.subscription) throw new Error('not subscribed to change events'); } });
  }

  private resubscribe: (() => Promise<void>) | undefined;
  private processor: ChangeProcessor | undefined;
  private checkpoints: CheckpointStore | undefined;

  /**
   * The replay id is outside the retention window: alert (tributary_cdc_resyncs_total{reason=
   * "replay_id_invalid"} and the replay age), resync every entity from the newest SystemModstamp
   * seen, then subscribe for new events only (the resync covered the rest; overlaps are deduplicated).
   */
  private async recoverExpired(processor: ChangeProcessor, checkpoints: CheckpointStore, error: IntegrationError): Promise<void> {
    const channel = String(error.details['channel'] ?? '');
    const channels = channel ? [channel] : this.config.SALESFORCE_CDC_CHANNELS;
    for (const ch of channels) {
      const age = checkpoints.get(ch)?.committedAt;
      if (age) this.metrics.cdcReplayAge.set({ source: SERVICE }, (Date.now() - age) / 1000);
      this.log.warn({ channel: ch, replayId: checkpoints.get(ch)?.replayId, error: error.message }, 'replay id outside the retention window: resyncing by SystemModstamp');
      await checkpoints.reset(ch);
      await processor.resync(entityOfChannel(ch) as 'Account' | 'Contact', 'replay_id_invalid');
    }
  }

  private failed(error: IntegrationError, subscribe: () => Promise<void>): void {
    this.log.warn({ code: error.code, error: error.message }, 'change stream failed');
    if (this.stopping || this.restarting) return;
    this.restarting = (async () => {
      try {
        await this.subscription?.close();
        this.subscription = undefined;
        if (error.code === SalesforceErrorCode.replayIdInvalid && this.processor && this.checkpoints) await this.recoverExpired(this.processor, this.checkpoints, error);
        await this.retrying(subscribe);
      } finally {
        this.restarting = undefined;
      }
    })();
  }

  private async retrying(subscribe: () => Promise<void>): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await subscribe();
        return;
      } catch (error) {
        this.log.warn({ attempt, error: (error as Error).message }, 'subscribing failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, this.config.SALESFORCE_CDC_RESTART_DELAY_MS * attempt)));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    await this.client?.close();
  }
}

@Module({})
export class SalesforceCdcSourceModule {
  static forRoot(env: NodeJS.ProcessEnv): DynamicModule {
    return {
      module: SalesforceCdcSourceModule,
      imports: [TributaryRuntimeModule.forRoot({ service: SERVICE, env, topics: [topics.customer, checkpointTopic] })],
      providers: [{ provide: SOURCE_CONFIG, useFactory: () => loadConfig(salesforceCdcSourceEnvSchema, env) }, SalesforceCdcSourceHost],
    };
  }
}
