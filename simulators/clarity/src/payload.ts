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

export type ClarityEventType = 'order.created' | 'order.updated' | 'order.cancelled';

export interface ClarityWebhookPayload<Data = unknown> {
  id: string;
  type: string;
  createdAt: string;
  apiVersion: string;
  data: Data;
}
