import type { InventoryAdjustmentEvent, OrderStatusEvent, ShipmentEvent } from '@tributary/canonical-model';
import type { Sage100Invoice, Sage100ItemWarehouse, Sage100SalesOrder, Sage100SalesOrderHistory } from '@tributary/connectors-sage100';
import { nameBasedUuid } from '@tributary/core';
import type { MappingConfig } from '@tributary/mapping-core';

const updatedAt = (row: { DateUpdated: string; TimeUpdated: string }) => Date.parse(`${row.DateUpdated}T${row.TimeUpdated}Z`);
const stamp = (row: { DateUpdated: string; TimeUpdated: string }) => `${row.DateUpdated}T${row.TimeUpdated}`;
const quantity = (value: number) => value.toFixed(4);
const envelope = (eventId: string, eventType: string, occurredAt: number) => ({ eventId, eventType, occurredAt, source: 'sage100', correlationId: eventId, causationId: null, schemaVersion: 1 });

/** The Clarity order number of a Sage record: UDF_CLARITY_ORDER keeps it whole, CustomerPONo may be shortened. */
export const clarityOrderNumber = (row: { UDF_CLARITY_ORDER?: string | undefined; CustomerPONo: string }): string => row.UDF_CLARITY_ORDER || row.CustomerPONo;

/** The carrier of a ShipVia (mapping file), else the ShipVia itself. */
export const carrierOf = (shipVia: string, rules: MappingConfig['sage100']): string => rules.carriers[shipVia] ?? (shipVia || 'unknown');

/** The version of an invoice: the same state is never emitted twice. */
export const invoiceVersion = (invoice: Sage100Invoice): string => `${stamp(invoice)}#${invoice.Tracking.map((t) => t.TrackingID).join(',')}`;

/**
 * An invoice with tracking rows as a shipment (one per invoice; the first package's tracking id,
 * the others after it). Invoices without tracking and those not from a Clarity order are not shipments.
 */
export const toShipmentEvent = (invoice: Sage100Invoice, company: string, rules: MappingConfig['sage100'], skuOf: (itemCode: string) => string): ShipmentEvent | null => {
  const orderNumber = clarityOrderNumber(invoice);
  if (invoice.Tracking.length === 0 || orderNumber.trim() === '') return null;
  const eventId = nameBasedUuid(`sage100:invoice:${company}:${invoice.InvoiceNo}:${invoiceVersion(invoice)}`);
  return {
    ...envelope(eventId, 'shipment.created', updatedAt(invoice)),
    shipment: {
      shipmentId: `sage100-${company}-${invoice.InvoiceNo}`,
      orderId: null,
      orderNumber,
      carrier: carrierOf(invoice.ShipVia, rules),
      service: invoice.ShipVia || null,
      trackingNumber: invoice.Tracking.map((t) => t.TrackingID).join(','),
      trackingUrl: null,
      shippedAt: Date.parse(`${invoice.ShipDate}T00:00:00Z`),
      warehouseId: invoice.Lines[0]?.WarehouseCode ?? null,
      lines: invoice.Lines.filter((l) => l.ItemType === '1').map((l) => ({ lineId: null, sku: skuOf(l.ItemCode), quantity: quantity(l.QuantityShipped) })),
    },
  } as ShipmentEvent;
};

export const itemWarehouseVersion = (row: Sage100ItemWarehouse): string => `${stamp(row)}#${row.QuantityOnHand}#${row.QuantityOnSalesOrder}`;

/** An IM_ItemWarehouse row as an inventory adjustment, keyed SKU@location (the company's location of the warehouse). */
export const toSage100InventoryAdjustment = (row: Sage100ItemWarehouse, company: string, skuOf: (itemCode: string) => string, locationOf: (warehouseCode: string) => string): InventoryAdjustmentEvent => {
  const version = itemWarehouseVersion(row);
  const eventId = nameBasedUuid(`sage100:itemwarehouse:${company}:${row.ItemCode}:${row.WarehouseCode}:${version}`);
  return {
    ...envelope(eventId, 'inventory.adjusted', updatedAt(row)),
    adjustment: {
      sku: skuOf(row.ItemCode),
      erpItemId: row.ItemCode,
      locationId: locationOf(row.WarehouseCode),
      onHand: quantity(row.QuantityOnHand),
      onOrder: null,
      onHold: null,
      erpVersion: `${company}:${version}`,
    },
  } as InventoryAdjustmentEvent;
};

const OPEN_STATES: Readonly<Record<string, { name: string; status: string }>> = {
  N: { name: 'New', status: 'open' }, O: { name: 'Open', status: 'in_progress' }, H: { name: 'Hold', status: 'open' }, C: { name: 'Closed', status: 'closed' },
};

/** An open sales order's OrderStatus as an order-status event (Clarity's vocabulary from the status map's direction). */
export const toSage100OrderStatusEvent = (order: Sage100SalesOrder | Sage100SalesOrderHistory, company: string, total: string | null, currency: string | null): OrderStatusEvent | null => {
  const orderNumber = clarityOrderNumber(order);
  if (orderNumber.trim() === '') return null;
  const history = 'LastInvoiceNo' in order;
  const state = history ? { name: 'Invoiced', status: 'invoiced' } : OPEN_STATES[order.OrderStatus] ?? { name: order.OrderStatus, status: 'open' };
  const version = `${stamp(order)}#${history ? 'history' : 'open'}#${order.OrderStatus}`;
  const eventId = nameBasedUuid(`sage100:salesorder:${company}:${order.SalesOrderNo}:${version}`);
  return {
    ...envelope(eventId, 'order.status-changed', updatedAt(order)),
    orderStatus: {
      orderNumber,
      system: 'sage100',
      documentType: order.OrderType === 'B' ? 'Back Order' : 'Sales Order',
      documentId: `${company}-${order.SalesOrderNo}`,
      erpState: state.name,
      status: state.status,
      total,
      currency,
      erpVersion: version,
    },
  } as OrderStatusEvent;
};
