import { Decimal } from 'decimal.js';
import { IntegrationError, err, ok, type Result } from '@tributary/core';
import type { Order, Product } from '@tributary/canonical-model';
import type { SalesforceRules } from '@tributary/mapping-core';
import type { CompositeSubrequest, PricebookEntryRef } from '@tributary/connectors-salesforce';
import type { SfFields } from './customer.js';

/** Salesforce's composite limit: the Order (or Opportunity) and up to 23 items, plus the activation. */
export const MAX_ITEMS_PER_COMPOSITE = 23;

/** Orders of this channel become an Order or an Opportunity. */
export const orderTargetFor = (order: Order, rules: SalesforceRules): 'order' | 'opportunity' =>
  (order.channel ? rules.orders.channels[order.channel] : undefined) ?? rules.orders.default;

/** What Salesforce rolls up (Order.TotalAmount, Opportunity.Amount): Σ quantity × unit price. */
export const salesforceAmount = (order: Order): string =>
  order.lines.reduce((sum, line) => sum.plus(new Decimal(line.unitPrice).times(line.quantity)), new Decimal(0)).toFixed(2);

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The order's account: a minimal Account upserted by the customer external id when none exists yet. */
export const accountForOrder = (order: Order, rules: SalesforceRules, recordTypes: ReadonlyMap<string, string>): SfFields => {
  const c = order.customer;
  const ext = rules.externalIds.customer;
  if (c.company && c.company.trim() !== '') {
    const rt = recordTypes.get(rules.recordTypes.b2b);
    return { [ext]: c.customerId, Name: c.company.trim(), ...(rt ? { RecordTypeId: rt } : {}), Phone: c.phone };
  }
  if (rules.b2cShape === 'person-account' && recordTypes.has(rules.recordTypes.b2c)) {
    return { [ext]: c.customerId, RecordTypeId: recordTypes.get(rules.recordTypes.b2c), FirstName: c.firstName || null, LastName: c.lastName || 'Unknown', PersonEmail: c.email, Phone: c.phone };
  }
  return { [ext]: c.customerId, Name: [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email };
};

/**
 * A canonical order → one `/composite` (allOrNone): the Order in Draft with its external id and
 * its OrderItems by PricebookEntry (SKU = Product2.ProductCode), then the activation when
 * configured; or an Opportunity with line items for the channels that want one. An unknown SKU is
 * a permanent, explained mapping error.
 */
export const toSalesforceOrderComposite = (
  order: Order,
  input: { accountId: string; pricebookId: string; entries: ReadonlyMap<string, PricebookEntryRef>; rules: SalesforceRules },
): Result<{ target: 'order' | 'opportunity'; subrequests: CompositeSubrequest[]; amount: string }, IntegrationError> => {
  const { rules, entries } = input;
  const unknown = [...new Set(order.lines.map((l) => l.sku).filter((sku) => !entries.has(sku)))];
  if (unknown.length > 0) {
    return err(IntegrationError.permanent('MAPPING.UNKNOWN_SKU', `order ${order.orderNumber}: no Salesforce product with ProductCode ${unknown.join(', ')} in the price book ${input.pricebookId} (create the Product2 and its standard PricebookEntry, then replay)`, { orderId: order.orderId, skus: unknown, pricebookId: input.pricebookId }));
  }
  const inactive = [...new Set(order.lines.map((l) => entries.get(l.sku)!).filter((e) => !e.isActive).map((e) => e.productCode))];
  if (inactive.length > 0) {
    return err(IntegrationError.permanent('MAPPING.INACTIVE_PRICEBOOK_ENTRY', `order ${order.orderNumber}: the price book entries of ${inactive.join(', ')} are inactive`, { orderId: order.orderId, skus: inactive }));
  }
  if (order.lines.length > MAX_ITEMS_PER_COMPOSITE) {
    return err(IntegrationError.permanent('MAPPING.TOO_MANY_LINES', `order ${order.orderNumber} has ${order.lines.length} lines; one composite request takes ${MAX_ITEMS_PER_COMPOSITE}`, { orderId: order.orderId, lines: order.lines.length }));
  }
  const target = orderTargetFor(order, rules);
  const ext = rules.externalIds.order;
  const amount = salesforceAmount(order);
  const addr = (prefix: string, a: Order['billingAddress']): SfFields => ({
    [`${prefix}Street`]: [a.line1, a.line2].filter(Boolean).join('\n'), [`${prefix}City`]: a.city, [`${prefix}State`]: a.region,
    [`${prefix}PostalCode`]: a.postalCode, [`${prefix}Country`]: rules.address.countryNames[a.country] ?? a.country,
  });
  if (target === 'opportunity') {
    return ok({
      target, amount,
      subrequests: [
        { method: 'POST', url: '/sobjects/Opportunity', referenceId: 'parent', body: { [ext]: order.orderId, Name: `Clarity order ${order.orderNumber}`, AccountId: input.accountId, StageName: rules.orders.opportunityStage, CloseDate: day(order.orderedAt), Pricebook2Id: input.pricebookId, Description: `Clarity order ${order.orderNumber} (${order.channel ?? 'web'})` } },
        ...order.lines.map((line, i): CompositeSubrequest => ({
          method: 'POST', url: '/sobjects/OpportunityLineItem', referenceId: `line${i}`,
          body: { OpportunityId: '@{parent.id}', PricebookEntryId: entries.get(line.sku)!.id, Quantity: line.quantity, UnitPrice: Number(line.unitPrice), Description: line.description ?? line.sku },
        })),
      ],
    });
  }
  return ok({
    target, amount,
    subrequests: [
      { method: 'POST', url: '/sobjects/Order', referenceId: 'parent', body: { [ext]: order.orderId, AccountId: input.accountId, EffectiveDate: day(order.orderedAt), Status: 'Draft', Pricebook2Id: input.pricebookId, PoNumber: order.orderNumber, Description: `Clarity order ${order.orderNumber}`, ...addr('Billing', order.billingAddress), ...addr('Shipping', order.shippingAddress) } },
      ...order.lines.map((line, i): CompositeSubrequest => ({
        method: 'POST', url: '/sobjects/OrderItem', referenceId: `line${i}`,
        body: { OrderId: '@{parent.id}', PricebookEntryId: entries.get(line.sku)!.id, Quantity: line.quantity, UnitPrice: Number(line.unitPrice), Description: line.description ?? line.sku },
      })),
      ...(rules.orders.activate ? [{ method: 'PATCH' as const, url: '/sobjects/Order/@{parent.id}', referenceId: 'activate', body: { Status: 'Activated' } }] : []),
    ],
  });
};

/** A canonical product → Product2 (upserted by the product external id) and its standard price. */
export const toSalesforceProduct = (product: Product, rules: SalesforceRules): { product2: SfFields; price: number | null } => ({
  product2: {
    [rules.externalIds.product]: product.sku, ProductCode: product.sku, Name: product.name, Description: product.description,
    IsActive: product.status !== 'inactive' && product.status !== 'discontinued' && product.status !== 'archived',
  },
  price: product.price === null ? null : Number(product.price),
});
