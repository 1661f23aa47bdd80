import type { Kafka } from 'kafkajs';
import { readTopicToEnd, type EventProducer } from '@tributary/kafka-runtime';

export interface Checkpoint {
  readonly replayId: number;
  /** commitTimestamp of the event (ms): the replay position's age. */
  readonly committedAt: number;
  readonly at: number;
}

/**
 * Replay ids per CDC channel in a compacted topic (key = channel, value JSON). Written only after
 * the canonical events of the event are acknowledged by Kafka; read back at start.
 */
export class CheckpointStore {
  private readonly checkpoints = new Map<string, Checkpoint>();

  private constructor(private readonly topic: string, private readonly producer: EventProducer) {}

  static async load(kafka: Kafka, topic: string, producer: EventProducer): Promise<CheckpointStore> {
    const store = new CheckpointStore(topic, producer);
    await readTopicToEnd(kafka, topic, (message) => {
      const key = message.key?.toString();
      if (!key) return;
      if (!message.value) {
        store.checkpoints.delete(key);
        return;
      }
      try {
        store.checkpoints.set(key, JSON.parse(message.value.toString()) as Checkpoint);
      } catch {
        // not ours
      }
    });
    return store;
  }

  get(channel: string): Checkpoint | undefined {
    return this.checkpoints.get(channel);
  }

  all(): Record<string, number> {
    return Object.fromEntries([...this.checkpoints].map(([channel, c]) => [channel, c.replayId]));
  }

  async save(channel: string, replayId: number, committedAt: number): Promise<void> {
    const checkpoint: Checkpoint = { replayId, committedAt, at: Date.now() };
    await this.producer.send({ topic: this.topic, key: channel, value: Buffer.from(JSON.stringify(checkpoint)) });
    this.checkpoints.set(channel, checkpoint);
  }

  /** Forget a channel's position (its replay id expired): the next subscription starts new. */
  async reset(channel: string): Promise<void> {
    await this.producer.send({ topic: this.topic, key: channel, value: null });
    this.checkpoints.delete(channel);
  }
}
