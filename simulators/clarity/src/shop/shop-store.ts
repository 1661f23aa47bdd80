import type { ClarityPaymentTransactionPayload, ClarityProductPayload, ClarityReturnPayload } from '../payload.js';
import type {
  ClarityCustomerRecordPayload,
  ClarityEntityKind,
  ClarityShipmentPayload,
  CustomerPatch,
  InventoryLevel,
  InventoryPush,
  OrderStatusChange,
  ShopData,
  StoredInventoryLevel,
  StoredOrder,
} from './shop-types.js';

/** An answer the HTTP layer sends as it is. */
export interface Answer {
  status: number;
  body: unknown;
}

export const isoNow = (ms = Date.now()) => new Date(ms).toISOString();

const notFound = (what: string, id: string): Answer => ({ status: 404, body: { error: 'not_found', message: `no ${what} ${id}` } });

/** Terminal states: an order there may only be "changed" to the state it is in. */
const FINAL_STATUSES = new Set(['closed', 'cancelled']);

interface Remembered {
  /** The request it answered, to refuse the same key with another body. */
  readonly fingerprint: string;
  readonly answer: Answer;
}

/** The simulated shop's data and its rules; no HTTP in here. */
export class ShopStore {
  private readonly ordersById = new Map<string, StoredOrder>();
  private readonly customersById = new Map<string, ClarityCustomerRecordPayload>();
  private readonly productsBySku = new Map<string, ClarityProductPayload>();
  private readonly returnsById = new Map<string, ClarityReturnPayload>();
  private readonly paymentsById = new Map<string, ClarityPaymentTransactionPayload>();
  private readonly shipmentsById = new Map<string, ClarityShipmentPayload>();
  private readonly levels = new Map<string, StoredInventoryLevel>();
  private readonly pushes: InventoryPush[] = [];
  private readonly statusChanges: OrderStatusChange[] = [];
  /** Idempotency keys per operation: a key is the caller's, for one kind of write. */
  private readonly idempotent = new Map<string, Remembered>();

  load(data: ShopData = {}): void {
    for (const order of data.orders ?? []) this.upsertOrder(order);
    for (const customer of data.customers ?? []) this.upsertCustomer(customer);
    for (const product of data.products ?? []) this.upsertProduct(product);
    for (const orderReturn of data.returns ?? []) this.upsertReturn(orderReturn);
    for (const payment of data.payments ?? []) this.upsertPayment(payment);
    for (const shipment of data.shipments ?? []) this.upsertShipment(shipment);
  }

  reset(): void {
    for (const map of [this.ordersById, this.customersById, this.productsBySku, this.returnsById, this.paymentsById, this.shipmentsById, this.levels, this.idempotent]) {
      map.clear();
    }
    this.pushes.length = 0;
    this.statusChanges.length = 0;
  }

  // Copies in and out, so callers can neither change the store behind its back nor see it change.
  upsertOrder = (order: StoredOrder) => void this.ordersById.set(order.orderId, structuredClone(order));
  upsertCustomer = (customer: ClarityCustomerRecordPayload) => void this.customersById.set(customer.customerId, structuredClone(customer));
  upsertProduct = (product: ClarityProductPayload) => void this.productsBySku.set(product.sku, structuredClone(product));
  upsertReturn = (orderReturn: ClarityReturnPayload) => void this.returnsById.set(orderReturn.returnId, structuredClone(orderReturn));
  upsertPayment = (payment: ClarityPaymentTransactionPayload) => void this.paymentsById.set(payment.paymentId, structuredClone(payment));
  upsertShipment = (shipment: ClarityShipmentPayload) => void this.shipmentsById.set(shipment.shipmentId, structuredClone(shipment));

  orders = () => structuredClone([...this.ordersById.values()]);
  customers = () => structuredClone([...this.customersById.values()]);
  products = () => structuredClone([...this.productsBySku.values()]);
  returns = () => structuredClone([...this.returnsById.values()]);
  payments = () => structuredClone([...this.paymentsById.values()]);
  shipments = () => structuredClone([...this.shipmentsById.values()]);
  inventory = () => structuredClone([...this.levels.values()]);
  inventoryPushes = () => structuredClone(this.pushes);
  orderStatuses = () => structuredClone(this.statusChanges);

  /** The stored entity of that kind, or undefined. */
  find(kind: ClarityEntityKind, id: string): object | undefined {
    const map: Map<string, object> | undefined = {
      order: this.ordersById,
      customer: this.customersById,
      product: this.productsBySku,
      return: this.returnsById,
      payment: this.paymentsById,
      shipment: this.shipmentsById,
      inventory: this.levels,
    }[kind];
    const found = map?.get(id);
    return found === undefined ? undefined : structuredClone(found);
  }

  get(kind: Exclude<ClarityEntityKind, 'inventory'>, id: string): Answer {
    const found = this.find(kind, id);
    return found === undefined ? notFound(kind, id) : { status: 200, body: found };
  }

  /** Newest sequence wins per sku@location; a lower one is counted and ignored, an equal one is a harmless replay. */
  putInventory(levels: readonly InventoryLevel[], clientId: string, nowMs = Date.now()): Answer {
    let accepted = 0;
    let ignoredStale = 0;
    const at = isoNow(nowMs);
    for (const level of levels) {
      const key = `${level.sku}@${level.locationId}`;
      const current = this.levels.get(key);
      if (current && level.sequence < current.sequence) {
        ignoredStale += 1;
        continue;
      }
      accepted += 1;
      this.levels.set(key, { ...level, updatedAt: at });
    }
    this.pushes.push({ at, atMs: nowMs, clientId, levels: structuredClone([...levels]), accepted, ignoredStale });
    return { status: 200, body: { accepted, ignoredStale } };
  }

  /** 201 once; the same key again answers the first result with 200; a new key for an existing shipment is a conflict. */
  createShipment(
    request: Omit<ClarityShipmentPayload, 'orderNumber' | 'status' | 'createdAt' | 'service' | 'trackingUrl'> & { service?: string; trackingUrl?: string },
    idempotencyKey: string,
    updatedBy: string,
  ): { answer: Answer; created?: ClarityShipmentPayload } {
    const replay = this.replay('shipment', idempotencyKey, request);
    if (replay) return { answer: replay };
    const order = request.orderId === null ? undefined : this.ordersById.get(request.orderId);
    if (!order) return { answer: { status: 422, body: { error: 'unknown_order', message: `no order ${request.orderId}` } } };
    if (this.shipmentsById.has(request.shipmentId)) {
      return { answer: { status: 409, body: { error: 'duplicate_shipment', message: `shipment ${request.shipmentId} exists (created with another Idempotency-Key)` } } };
    }
    const orderSkus = new Set(order.lineItems.map((line) => line.sku));
    const stranger = request.lines.find((line) => !orderSkus.has(line.sku));
    if (stranger) return { answer: { status: 422, body: { error: 'unknown_line', message: `order ${order.orderId} has no line for sku ${stranger.sku}` } } };
    const shipment: ClarityShipmentPayload = {
      shipmentId: request.shipmentId,
      orderId: order.orderId,
      orderNumber: order.orderNumber,
      carrier: request.carrier,
      service: request.service ?? null,
      trackingNumber: request.trackingNumber,
      trackingUrl: request.trackingUrl ?? null,
      shippedAt: request.shippedAt,
      lines: request.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      status: 'created',
      createdAt: isoNow(),
      updatedBy,
    };
    this.shipmentsById.set(shipment.shipmentId, shipment);
    const answer = { status: 201, body: { shipmentId: shipment.shipmentId, status: 'created' } };
    this.remember('shipment', idempotencyKey, request, { status: 200, body: answer.body });
    return { answer, created: structuredClone(shipment) };
  }

  updateOrderStatus(orderId: string, change: { status: string; note?: string | undefined }, idempotencyKey: string): Answer {
    const replay = this.replay(`order-status ${orderId}`, idempotencyKey, change);
    if (replay) return replay;
    const order = this.ordersById.get(orderId);
    if (!order) return notFound('order', orderId);
    const from = order.status;
    if (FINAL_STATUSES.has(from) && from !== change.status) {
      return { status: 422, body: { error: 'invalid_transition', message: `order ${orderId} is ${from}; it cannot become ${change.status}` } };
    }
    const at = isoNow();
    order.status = change.status;
    order.modifiedAt = at;
    this.statusChanges.push({ orderId, from, to: change.status, note: change.note ?? null, idempotencyKey, at });
    const answer = { status: 200, body: { orderId, status: change.status, previousStatus: from, modifiedAt: at } };
    this.remember(`order-status ${orderId}`, idempotencyKey, change, answer);
    return answer;
  }

  /**
   * Applies the fields present. A patch that changes nothing is answered as it is, with no new
   * version and no webhook: a shop does not announce non-changes, and echo loops die there.
   */
  changeCustomer(customerId: string, patch: CustomerPatch, updatedBy: string): { answer: Answer; changed?: ClarityCustomerRecordPayload } {
    const customer = this.customersById.get(customerId);
    if (!customer) return { answer: notFound('customer', customerId) };
    const changedFields = (Object.keys(patch) as Array<keyof CustomerPatch>).filter(
      (field) => patch[field] !== undefined && JSON.stringify(patch[field]) !== JSON.stringify(customer[field]),
    );
    if (changedFields.length === 0) return { answer: { status: 200, body: structuredClone(customer) } };
    const next: ClarityCustomerRecordPayload = {
      ...customer,
      ...Object.fromEntries(changedFields.map((field) => [field, patch[field]])),
      // Never the same instant twice: versions are ordered by modifiedAt downstream.
      modifiedAt: isoNow(Math.max(Date.now(), Date.parse(customer.modifiedAt) + 1)),
      version: (customer.version ?? 1) + 1,
      changedFields,
      updatedBy,
    };
    this.customersById.set(customerId, next);
    return { answer: { status: 200, body: structuredClone(next) }, changed: structuredClone(next) };
  }

  private replay(scope: string, key: string, request: unknown): Answer | undefined {
    const remembered = this.idempotent.get(`${scope} ${key}`);
    if (!remembered) return undefined;
    if (remembered.fingerprint !== JSON.stringify(request)) {
      return { status: 422, body: { error: 'idempotency_key_reused', message: `Idempotency-Key ${key} was used with another request` } };
    }
    return structuredClone(remembered.answer);
  }

  private remember(scope: string, key: string, request: unknown, answer: Answer): void {
    this.idempotent.set(`${scope} ${key}`, { fingerprint: JSON.stringify(request), answer: structuredClone(answer) });
  }
}
