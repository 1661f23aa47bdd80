import type { Kafka, KafkaMessage } from 'kafkajs';
import { readTopicToEnd } from '../consumer/read-topic-to-end.js';
import { DeadLetterHeader } from './dead-letter-headers.js';

const headerText = (message: KafkaMessage, name: string): string | undefined => {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/**
 * Keys that have a message in the dead letter topic. Later messages for such a key are parked
 * behind it (an `order.updated` must never reach the ERP before its failed `order.created`).
 * Rebuilt from the DLQ topic at start, so it survives restarts.
 */
export class ParkingLot {
  private readonly parked = new Set<string>();

  static async load(kafka: Kafka, deadLetterTopic: string): Promise<ParkingLot> {
    const lot = new ParkingLot();
    await readTopicToEnd(kafka, deadLetterTopic, (message) => lot.observe(message));
    return lot;
  }

  isParked(sourceTopic: string, key: string | null): boolean {
    return key !== null && this.parked.has(`${sourceTopic}\u0000${key}`);
  }

  park(sourceTopic: string, key: string | null): void {
    if (key !== null) this.parked.add(`${sourceTopic}\u0000${key}`);
  }

  unpark(sourceTopic: string, key: string): void {
    this.parked.delete(`${sourceTopic}\u0000${key}`);
  }

  get size(): number {
    return this.parked.size;
  }

  private observe(message: KafkaMessage): void {
    const topic = headerText(message, DeadLetterHeader.originalTopic);
    const key = message.key?.toString() ?? null;
    if (!topic || key === null) return;
    if (headerText(message, DeadLetterHeader.action) === 'unpark') this.unpark(topic, key);
    else this.park(topic, key);
  }
}
