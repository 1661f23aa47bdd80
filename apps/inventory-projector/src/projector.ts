import type { KafkaMessage } from 'kafkajs';
import type { CrossReference, CustomerEvent, CustomerProfile, CustomerProfileEvent, InventoryAdjustmentEvent, InventoryLevelEvent, OrderEvent, ReturnEvent, ShipmentEvent } from '@tributary/canonical-model';
import { nameBasedUuid } from '@tributary/core';
import { StagedMap, type AvroEventCodec, type OutgoingMessage, type TransactionalBatch } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import { decodeChangelog, encodeChangelog } from './changelog.js';
import { applyCustomer, applyCustomerXref, type Masters } from './customer-profile-fold.js';
import { applyAdjustment, applyOrder, applyReturn, applyShipment, publishIfChanged, type InventoryStore } from './inventory-fold.js';
import type { InventoryRulesResolved, Reservation, StockState } from './inventory-state.js';

const SOURCE = 'inventory-projector';

export interface ProjectorTopics {
  adjustment: string; order: string; shipment: string; return: string; customer: string; xref: string;
  level: string; profile: string; changelog: string; deadLetter: string;
}

export interface ProjectorCodecs {
  adjustment: AvroEventCodec<InventoryAdjustmentEvent>;
  order: AvroEventCodec<OrderEvent>;
  shipment: AvroEventCodec<ShipmentEvent>;
  return: AvroEventCodec<ReturnEvent>;
  customer: AvroEventCodec<CustomerEvent>;
  xref: AvroEventCodec<CrossReference>;
  level: AvroEventCodec<InventoryLevelEvent>;
  profile: AvroEventCodec<CustomerProfileEvent>;
}

export interface ProjectorDeps {
  topics: ProjectorTopics;
  codecs: ProjectorCodecs;
  rules: InventoryRulesResolved;
  /** The warehouse an order ships from (fulfilment rules, else the default warehouse). */
  shipFrom: (order: OrderEvent['order']) => Promise<string>;
  masters: Masters;
  log: Logger;
  onOversold?: (key: string) => void;
}

type Envelope = { eventId: string; occurredAt: number; correlationId: string };
type Input =
  | { kind: 'adjustment'; event: InventoryAdjustmentEvent }
  | { kind: 'order'; event: OrderEvent }
  | { kind: 'shipment'; event: ShipmentEvent }
  | { kind: 'return'; event: ReturnEvent }
  | { kind: 'customer'; event: CustomerEvent }
  | { kind: 'xref'; event: CrossReference };

/**
 * The projector's state and fold over one batch. State is staged while a batch is folded and
 * committed only after Kafka committed the batch's transaction (see TransactionalProcessor).
 */
export class Projector {
  readonly stocks = new StagedMap<string, StockState>();
  readonly reservations = new StagedMap<string, Reservation>();
  readonly profiles = new StagedMap<string, CustomerProfile>();
  private readonly orderNumbers = new StagedMap<string, string>();
  private readonly store: InventoryStore;
  private readonly kindOf: Map<string, Input['kind']>;

  constructor(private readonly deps: ProjectorDeps) {
    const { stocks, reservations, orderNumbers } = this;
    this.store = {
      stock: (key) => stocks.get(key),
      putStock: (key, state) => stocks.set(key, state),
      reservation: (key) => reservations.get(key),
      putReservation: (key, r) => {
        reservations.set(key, r);
        if (r.orderNumber && r.orderId) orderNumbers.set(r.orderNumber, r.orderId);
      },
      deleteReservation: (key) => reservations.delete(key),
      orderIdOf: (orderNumber) => orderNumbers.get(orderNumber),
    };
    const t = deps.topics;
    this.kindOf = new Map([[t.adjustment, 'adjustment'], [t.order, 'order'], [t.shipment, 'shipment'], [t.return, 'return'], [t.customer, 'customer'], [t.xref, 'xref']]);
  }

  get inputTopics(): string[] {
    return [...this.kindOf.keys()];
  }

  /** Rebuild: the changelog's stock and reservation entries. */
  restoreChangelog(messages: readonly KafkaMessage[]): void {
    for (const message of messages) {
      const key = message.key?.toString();
      if (!key) continue;
      if (!message.value) {
        if (key.startsWith('stock:')) this.stocks.restore(key.slice(6), undefined);
        else this.reservations.restore(key, undefined);
        continue;
      }
      const entry = decodeChangelog(message.value);
      if (entry.kind === 'stock') this.stocks.restore(key.slice(6), entry.state);
      else {
        this.reservations.restore(key, entry.state);
        if (entry.state.orderNumber && entry.state.orderId) this.orderNumbers.restore(entry.state.orderNumber, entry.state.orderId);
      }
    }
  }

  /** Rebuild: the published golden records (their provenance carries what the merge needs). */
  async restoreProfiles(messages: readonly KafkaMessage[]): Promise<void> {
    const decoded = await this.deps.codecs.profile.decodeMany(messages.map((m) => m.value));
    decoded.forEach((result, i) => {
      const key = messages[i]!.key?.toString();
      if (!key) return;
      if (messages[i]!.value === null) this.profiles.restore(key, undefined);
      else if (result.ok) this.profiles.restore(key, result.value.profile);
    });
  }

  commit(): void {
    this.stocks.commit();
    this.reservations.commit();
    this.profiles.commit();
    this.orderNumbers.commit();
  }

  rollback(): void {
    this.stocks.rollback();
    this.reservations.rollback();
    this.profiles.rollback();
    this.orderNumbers.rollback();
  }

  async transform(batch: TransactionalBatch): Promise<OutgoingMessage[]> {
    const kind = this.kindOf.get(batch.topic);
    if (!kind) return [];
    const codec = this.deps.codecs[kind] as AvroEventCodec<unknown>;
    const decoded = await codec.decodeMany(batch.messages.map((m) => m.value));
    const outputs: OutgoingMessage[] = [];
    for (const [index, message] of batch.messages.entries()) {
      const result = decoded[index]!;
      if (!result.ok) {
        // Undecodable input cannot be folded: keep its bytes in the DLQ, in the same transaction.
        outputs.push({ topic: this.deps.topics.deadLetter, key: message.key, value: message.value, headers: { 'x-original-topic': batch.topic, 'x-original-partition': String(batch.partition), 'x-original-offset': message.offset, 'x-error-code': result.error.code, 'x-error-message': result.error.message } });
        this.deps.log.warn({ topic: batch.topic, offset: message.offset, code: result.error.code }, 'undecodable input dead-lettered');
        continue;
      }
      const input = { kind, event: result.value } as Input;
      outputs.push(...(await this.fold(input, message)));
    }
    outputs.push(...this.changelogOutputs());
    return outputs;
  }

  /** Folds one input and returns the level/profile records it publishes. */
  async fold(input: Input, message?: KafkaMessage): Promise<OutgoingMessage[]> {
    const { store, deps } = this;
    let touched: string[] = [];
    switch (input.kind) {
      case 'adjustment': touched = applyAdjustment(store, input.event); break;
      case 'order': {
        const known = store.reservation(`order:${input.event.order.orderId}`)?.locationId;
        touched = applyOrder(store, input.event, known ?? (await deps.shipFrom(input.event.order)));
        break;
      }
      case 'shipment': touched = applyShipment(store, input.event); break;
      case 'return': touched = applyReturn(store, input.event, deps.rules); break;
      case 'customer': {
        const profile = applyCustomer(this.profiles.get(input.event.customer.customerId), input.event, deps.masters);
        return profile ? [this.profileMessage(profile, input.event, input.event.source, message)] : [];
      }
      case 'xref': {
        const entry = input.event;
        const profile = applyCustomerXref(this.profiles.get(entry.sourceId), entry);
        return profile ? [this.profileMessage(profile, { eventId: entry.eventId, occurredAt: entry.updatedAt, correlationId: entry.correlationId }, entry.system, message)] : [];
      }
    }
    const envelope: Envelope = 'eventId' in input.event ? input.event : { eventId: '', occurredAt: 0, correlationId: '' };
    const outputs: OutgoingMessage[] = [];
    for (const key of touched) {
      const change = publishIfChanged(store, key, deps.rules, envelope.occurredAt);
      if (!change) continue;
      const eventType = change.oversold ? 'inventory.oversold' : 'inventory.level-changed';
      if (change.oversold) deps.onOversold?.(key);
      const event: InventoryLevelEvent = {
        eventId: nameBasedUuid(`inventory.level:${key}:${change.level.sequence}`),
        eventType, occurredAt: envelope.occurredAt, source: SOURCE,
        correlationId: envelope.correlationId, causationId: envelope.eventId || null, schemaVersion: 1,
        level: change.level,
      };
      outputs.push({ topic: deps.topics.level, key, value: deps.codecs.level.encode(event), headers: headersFor(eventType, envelope.correlationId, message) });
    }
    return outputs;
  }

  private profileMessage(profile: CustomerProfile, cause: Envelope, source: string, message?: KafkaMessage): OutgoingMessage {
    this.profiles.set(profile.customerId, profile);
    const event: CustomerProfileEvent = {
      eventId: nameBasedUuid(`customer.profile:${profile.customerId}:${cause.eventId}`),
      eventType: 'customer.profile-changed', occurredAt: cause.occurredAt, source,
      correlationId: cause.correlationId, causationId: cause.eventId || null, schemaVersion: 1, profile,
    };
    return { topic: this.deps.topics.profile, key: profile.customerId, value: this.deps.codecs.profile.encode(event), headers: headersFor(event.eventType, cause.correlationId, message) };
  }

  /** The staged stock and reservation states, once per key per batch. */
  changelogOutputs(): OutgoingMessage[] {
    const topic = this.deps.topics.changelog;
    const outputs: OutgoingMessage[] = [];
    for (const [key, state] of this.stocks.changes()) outputs.push({ topic, key: `stock:${key}`, value: state ? encodeChangelog({ kind: 'stock', state }) : null });
    for (const [key, state] of this.reservations.changes()) outputs.push({ topic, key, value: state ? encodeChangelog({ kind: 'reservation', state }) : null });
    return outputs;
  }
}

const headersFor = (eventType: string, correlationId: string, message?: KafkaMessage): Record<string, string> => {
  const traceparent = message?.headers?.['traceparent']?.toString();
  return { 'event-type': eventType, 'correlation-id': correlationId, ...(traceparent ? { traceparent } : {}) };
};
