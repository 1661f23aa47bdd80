import type { Kafka } from 'kafkajs';
import type { CommonEnv } from '@tributary/config';
import type { Logger, ReadinessCheck } from '@tributary/observability';
import { AvroEventCodec } from './codec/event-codec.js';
import { IsolatedDecoder } from './codec/isolated-decoder.js';
import { SchemaRegistryClient } from './codec/schema-registry.js';
import { createKafkaClient, kafkaSecurity } from './kafka-client.js';
import { EventProducer } from './producer/event-producer.js';
import { provisionTopics, withPrefix, type TopicSpec } from './topics/topic-provisioner.js';

export interface KafkaRuntimeOptions {
  service: string;
  config: CommonEnv;
  log: Logger;
  /** Topics this service reads or writes: created at start if missing. */
  topics: readonly TopicSpec[];
}

/**
 * Everything a service needs from Kafka, started once: the client, an idempotent producer, the
 * schema registry, the isolated Avro decoder, and its topics provisioned.
 */
export class KafkaRuntime {
  private constructor(
    readonly kafka: Kafka,
    readonly producer: EventProducer,
    readonly registry: SchemaRegistryClient,
    readonly decoder: IsolatedDecoder,
    private readonly prefix: string,
  ) {}

  static async start({ service, config, log, topics }: KafkaRuntimeOptions): Promise<KafkaRuntime> {
    const kafka = createKafkaClient({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? service, logger: log, ...kafkaSecurity(config) });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { created } = await provisionTopics(admin, topics.map((t) => withPrefix(t, config.TOPIC_PREFIX)));
      if (created.length > 0) log.info({ topics: created }, 'topics created');
    } finally {
      await admin.disconnect();
    }
    const producer = new EventProducer(kafka);
    await producer.connect();
    return new KafkaRuntime(kafka, producer, new SchemaRegistryClient(config.SCHEMA_REGISTRY_URL), new IsolatedDecoder(), config.TOPIC_PREFIX);
  }

  /** The topic as deployed (with this environment's prefix). */
  topic<T extends TopicSpec>(spec: T): T {
    return withPrefix(spec, this.prefix);
  }

  /** A codec for a topic's values, its schema registered under `<topic>-value`. */
  codec<T>(spec: TopicSpec, schema: object): Promise<AvroEventCodec<T>> {
    return AvroEventCodec.create<T>({ registry: this.registry, decoder: this.decoder, subject: `${this.topic(spec).name}-value`, schema });
  }

  readinessChecks(): ReadinessCheck[] {
    return [
      {
        name: 'kafka',
        check: async () => {
          const admin = this.kafka.admin();
          await admin.connect();
          try {
            await admin.describeCluster();
          } finally {
            await admin.disconnect();
          }
        },
      },
      { name: 'schema-registry', check: () => this.registry.ping() },
    ];
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
    await this.decoder.close();
  }
}
