import { newEventId } from '../event-id.js';
import { ClarityWebhookSender } from '../sender.js';
import { isoNow } from './shop-store.js';
import type { ClarityEntityKind, EmitOptions, WebhookDelivery, WebhookTarget } from './shop-types.js';

/** `order.updated` → order; the part before the dot names the entity. */
export const entityKindOf = (type: string): ClarityEntityKind | undefined => {
  const kind = type.split('.')[0];
  return (['order', 'customer', 'product', 'return', 'payment', 'shipment', 'inventory'] as const).find((k) => k === kind);
};

const ID_FIELDS: Record<ClarityEntityKind, (entity: Record<string, unknown>) => unknown> = {
  order: (e) => e['orderId'],
  customer: (e) => e['customerId'],
  product: (e) => e['sku'],
  return: (e) => e['returnId'],
  payment: (e) => e['paymentId'],
  shipment: (e) => e['shipmentId'],
  inventory: (e) => (e['sku'] && e['locationId'] ? `${String(e['sku'])}@${String(e['locationId'])}` : undefined),
};

/** The id a thin webhook carries for this entity. */
export const entityIdOf = (kind: ClarityEntityKind, entity: object): string => {
  const value = ID_FIELDS[kind](entity as Record<string, unknown>);
  if (typeof value !== 'string' || value === '') throw new RangeError(`a ${kind} entity needs its id field to be emitted`);
  return value;
};

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/**
 * Sends the shop's webhooks: signed by the simulator's own signer, retried with exponential
 * back-off on non-2xx and timeouts (ClarityWebhookSender), every delivery recorded.
 */
export class WebhookEmitter {
  private target: WebhookTarget | null;
  private sender: ClarityWebhookSender | null = null;
  private readonly log: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(target: WebhookTarget | undefined) {
    this.target = target ?? null;
    this.sender = this.makeSender();
  }

  setTarget(target: WebhookTarget | null): void {
    this.target = target;
    this.sender = this.makeSender();
  }

  deliveries(): WebhookDelivery[] {
    return structuredClone(this.log);
  }

  reset(): void {
    this.log.length = 0;
  }

  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Sends `entity` as a `type` webhook; resolves with the finished deliveries. */
  emit(type: string, kind: ClarityEntityKind, entity: object, options: EmitOptions = {}): Promise<WebhookDelivery[]> {
    const entityId = entityIdOf(kind, entity);
    const createdAt = isoNow();
    const envelope = {
      id: options.eventId ?? newEventId(),
      type,
      createdAt,
      apiVersion: 'v1',
      data: options.thin ? { id: entityId } : structuredClone(entity),
    };
    const copies = options.duplicate ? 2 : 1;
    const records: WebhookDelivery[] = Array.from({ length: copies }, () => ({
      webhookId: envelope.id,
      type,
      entityId,
      thin: options.thin ?? false,
      envelope,
      state: 'pending',
      status: null,
      attempts: 0,
      queuedAt: createdAt,
      finishedAt: null,
    }));
    this.log.push(...records);
    const run = (async () => {
      await sleep(options.delayMs ?? 0);
      // A duplicate is a redelivery: it follows the first, as Clarity's retry queue would.
      for (const record of records) await this.deliver(record);
      return structuredClone(records);
    })();
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
    return run;
  }

  private async deliver(record: WebhookDelivery): Promise<void> {
    const sender = this.sender;
    if (!sender) {
      Object.assign(record, { state: 'skipped', finishedAt: isoNow() });
      return;
    }
    const result = await sender.send(record.envelope);
    const delivered = result.status >= 200 && result.status < 300;
    Object.assign(record, { state: delivered ? 'delivered' : 'failed', status: result.status, attempts: result.attempts, finishedAt: isoNow() });
  }

  private makeSender(): ClarityWebhookSender | null {
    const target = this.target;
    if (!target) return null;
    return new ClarityWebhookSender({
      url: target.url,
      secrets: target.secrets,
      maxAttempts: target.maxAttempts ?? 5,
      backoffMs: target.backoffMs ?? 200,
      timeoutMs: target.timeoutMs ?? 5_000,
    });
  }
}
