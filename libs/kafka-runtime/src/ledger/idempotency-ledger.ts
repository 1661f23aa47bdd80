import type { Kafka } from 'kafkajs';
import type { AvroEventCodec } from '../codec/event-codec.js';
import type { EventProducer } from '../producer/event-producer.js';
import { readTopicToEnd } from '../consumer/read-topic-to-end.js';

/** The fields of an `integration.xref.v1` entry the ledger relies on (the full type comes from the schema). */
export interface LedgerEntry {
  key: string;
  status: string;
  externalId: string | null;
}

export const LedgerStatus = { pending: 'PENDING', done: 'DONE', failed: 'FAILED', cancelled: 'CANCELLED' } as const;

/** What a pipeline needs from the ledger (an in-memory one serves unit tests). */
export interface Ledger<E extends LedgerEntry> {
  get(key: string): E | undefined;
  record(entry: E): Promise<void>;
}

/**
 * The idempotency ledger on the compacted `integration.xref.v1` topic: the intent (PENDING) is
 * recorded before an external call and the result (DONE with the external id, or FAILED) after.
 * Loaded from Kafka at start; each write resolves once Kafka acknowledged it.
 *
 * A PENDING entry without a DONE means the outcome of a call is unknown: the sink must look the
 * document up in the external system before creating it again.
 */
export class IdempotencyLedger<E extends LedgerEntry> implements Ledger<E> {
  private readonly entries = new Map<string, E>();

  private constructor(private readonly topic: string, private readonly codec: AvroEventCodec<E>, private readonly producer: EventProducer) {}

  static async load<E extends LedgerEntry>(kafka: Kafka, topic: string, codec: AvroEventCodec<E>, producer: EventProducer): Promise<IdempotencyLedger<E>> {
    const ledger = new IdempotencyLedger(topic, codec, producer);
    const raw: Array<{ key: string; value: Buffer | null }> = [];
    await readTopicToEnd(kafka, topic, (message) => {
      if (message.key) raw.push({ key: message.key.toString(), value: message.value });
    });
    const decoded = await codec.decodeMany(raw.map((r) => r.value));
    decoded.forEach((result, i) => {
      const key = raw[i]!.key;
      if (raw[i]!.value === null) ledger.entries.delete(key);
      else if (result.ok) ledger.entries.set(key, result.value);
    });
    return ledger;
  }

  get(key: string): E | undefined {
    return this.entries.get(key);
  }

  get size(): number {
    return this.entries.size;
  }

  async record(entry: E): Promise<void> {
    await this.producer.send({ topic: this.topic, key: entry.key, value: this.codec.encode(entry) });
    this.entries.set(entry.key, entry);
  }
}
