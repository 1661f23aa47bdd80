export { catalogue, type CatalogueItem } from './catalogue.js';
export { sampleOrders, type SampleOrderOptions } from './sample-orders.js';
export { webhookFor, paymentWebhookFor, returnWebhookFor, productWebhookFor, type WebhookOptions, type EventWebhookOptions } from './webhook.js';
export { paymentCaptureFor, paymentRefundFor, type PaymentOptions } from './sample-payments.js';
export { returnFor, type ReturnOptions } from './sample-returns.js';
export { productFor, sampleProducts, type ProductOptions } from './sample-products.js';
export { claritySignatureHeader } from './signature.js';
export {
  ClarityWebhookSender,
  type ClarityWebhookSenderOptions,
  type SendOverrides,
  type SendResult,
} from './sender.js';
export type {
  ClarityOrderPayload,
  ClarityWebhookPayload,
  ClarityLineItemPayload,
  ClarityAddressPayload,
  ClarityCustomerPayload,
  ClarityAmountPayload,
  ClarityPaymentMethod,
  ClarityEventType,
  ClarityOrderEventType,
  ClarityPaymentEventType,
  ClarityPaymentTransactionPayload,
  ClarityReturnPayload,
  ClarityReturnLinePayload,
  ClarityProductPayload,
} from './payload.js';
