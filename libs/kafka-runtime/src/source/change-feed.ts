import type { Kafka } from 'kafkajs';
import type { AvroEventCodec } from '../codec/event-codec.js';
import { readTopicToEnd } from '../consumer/read-topic-to-end.js';
import type { EventProducer } from '../producer/event-producer.js';

/** What a change feed needs to know about one of its events. */
export interface ChangeIdentity {
  /** The entity whose versions are tracked, e.g. SKU@location; also the topic key unless `messageKey` is set. */
  readonly key: string;
  /** The topic key when it differs from the entity (several ERP documents of one order share its number). */
  readonly messageKey?: string;
  /** This state of the entity in the source system; the same version is never emitted twice. */
  readonly version: string;
  /** The source's modification time: the next poll's watermark. */
  readonly modifiedAt: number;
}

export interface ChangeFeedOptions<Row, Event> {
  readonly topic: string;
  readonly codec: AvroEventCodec<Event>;
  readonly producer: EventProducer;
  /** Rows modified at or after the watermark (inclusive: sources have coarse timestamps). */
  readonly listChangedSince: (watermarkMs: number) => Promise<readonly Row[]>;
  /** A row as its canonical event; null when the row is not for this feed. */
  readonly toEvent: (row: Row) => Event | null;
  readonly identify: (event: Event) => ChangeIdentity;
  /** Only events of this feed's own system count when the state is rebuilt (others share the topic). */
  readonly isOwn: (event: Event) => boolean;
  readonly headers?: (event: Event) => Record<string, string>;
}

/**
 * A polled source's changes → a canonical topic, each version once.
 *
 * The state (the last version emitted per key and the watermark) is rebuilt at start from the
 * topic itself, so nothing outside Kafka is needed and a crash between produce and bookkeeping
 * cannot emit a version twice. Polls include the watermark itself (sources stamp whole seconds),
 * and rows already emitted are recognised by their version.
 */
export class ChangeFeed<Row, Event> {
  private readonly emitted = new Map<string, string>();
  private watermark = 0;

  private constructor(private readonly options: ChangeFeedOptions<Row, Event>) {}

  static async resume<Row, Event>(kafka: Kafka, options: ChangeFeedOptions<Row, Event>): Promise<ChangeFeed<Row, Event>> {
    const feed = new ChangeFeed(options);
    const values: Array<Buffer | null> = [];
    await readTopicToEnd(kafka, options.topic, (message) => values.push(message.value));
    for (const decoded of await options.codec.decodeMany(values)) {
      if (decoded.ok && options.isOwn(decoded.value)) feed.remember(options.identify(decoded.value));
    }
    return feed;
  }

  get resumedFrom(): { watermark: number; keys: number } {
    return { watermark: this.watermark, keys: this.emitted.size };
  }

  /** One poll: emits the changes Kafka has not seen, and remembers them once Kafka acknowledged them. */
  async poll(): Promise<number> {
    const { options } = this;
    const rows = await options.listChangedSince(this.watermark);
    const fresh = new Map<string, { event: Event; identity: ChangeIdentity }>();
    for (const row of rows) {
      const event = options.toEvent(row);
      if (event === null) continue;
      const identity = options.identify(event);
      if (this.emitted.get(identity.key) === identity.version || fresh.get(identity.key)?.identity.version === identity.version) continue;
      fresh.delete(identity.key); // re-inserted last: per key, events keep the source's order
      fresh.set(identity.key, { event, identity });
    }
    if (fresh.size === 0) return 0;
    const changes = [...fresh.values()].sort((a, b) => a.identity.modifiedAt - b.identity.modifiedAt);
    await options.producer.sendAll(changes.map(({ event, identity }) => ({
      topic: options.topic,
      key: identity.messageKey ?? identity.key,
      value: options.codec.encode(event),
      headers: options.headers?.(event) ?? {},
    })));
    for (const { identity } of changes) this.remember(identity);
    return changes.length;
  }

  private remember(identity: ChangeIdentity): void {
    this.emitted.set(identity.key, identity.version);
    this.watermark = Math.max(this.watermark, identity.modifiedAt);
  }
}
