// The simulator's own picture of Clarity's webhook JSON. It is written out here rather than
// imported from the connector on purpose: the two are independent implementations of one
// contract, and the contract tests make them check each other.

/** Clarity sends amounts as JSON numbers or numeric strings, at most two decimals. */
export type ClarityAmountPayload = number | string;

export interface ClarityAddressPayload {
  name: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
}

export interface ClarityCustomerPayload {
  email: string;
  firstName: string;
  lastName: string;
  company: string | null;
  phone: string | null;
}

export interface ClarityLineItemPayload {
  lineId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: ClarityAmountPayload;
  discount: ClarityAmountPayload;
  tax: ClarityAmountPayload;
}

export type ClarityPaymentMethod = 'visa' | 'mastercard' | 'amex' | 'paypal' | 'gift_card';

export interface ClarityOrderPayload {
  orderId: string;
  orderNumber: string;
  customerId: string;
  orderDate: string;
  status: string;
  currency: string;
  storeId: string | null;
  channel: string | null;
  customer: ClarityCustomerPayload;
  billingAddress: ClarityAddressPayload;
  shippingAddress: ClarityAddressPayload;
  lineItems: ClarityLineItemPayload[];
  shipping: { method: string | null; amount: ClarityAmountPayload };
  paymentInfo: { method: ClarityPaymentMethod; transactionId: string | null; amount: ClarityAmountPayload; status: string | null };
  couponCode: string | null;
  totalAmount: ClarityAmountPayload;
}

/** A gateway transaction on an order: `data` of `payment.captured` and `payment.refunded`. */
export interface ClarityPaymentTransactionPayload {
  paymentId: string;
  orderId: string;
  orderNumber: string;
  customerId: string | null;
  method: ClarityPaymentMethod;
  gateway: string | null;
  transactionId: string | null;
  /** Always positive; the event type says which way the money went. */
  amount: ClarityAmountPayload;
  fee: ClarityAmountPayload | null;
  currency: string;
  processedAt: string;
}

export interface ClarityReturnLinePayload {
  lineId: string;
  sku: string;
  quantity: number;
  /** Net unit price credited, after the order line's discount. */
  unitPrice: ClarityAmountPayload;
  /** Tax refunded on the returned quantity. */
  tax: ClarityAmountPayload;
  restock: boolean;
}

/** `data` of `return.created`: refundTotal = Σ quantity × unitPrice + Σ tax + shippingRefund. */
export interface ClarityReturnPayload {
  returnId: string;
  returnNumber: string;
  orderId: string;
  orderNumber: string;
  customerId: string;
  currency: string;
  createdAt: string;
  reason: string | null;
  lines: ClarityReturnLinePayload[];
  shippingRefund: ClarityAmountPayload;
  refundTotal: ClarityAmountPayload;
}

/** `data` of `product.updated`. */
export interface ClarityProductPayload {
  sku: string;
  name: string;
  description: string | null;
  price: ClarityAmountPayload | null;
  currency: string | null;
  status: 'active' | 'inactive';
  modifiedAt: string;
}

export type ClarityOrderEventType = 'order.created' | 'order.updated' | 'order.cancelled';
export type ClarityPaymentEventType = 'payment.captured' | 'payment.refunded';
export type ClarityEventType = ClarityOrderEventType | ClarityPaymentEventType | 'return.created' | 'product.updated';

export interface ClarityWebhookPayload<Data = unknown> {
  id: string;
  type: string;
  createdAt: string;
  apiVersion: string;
  data: Data;
}
