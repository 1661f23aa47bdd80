export { catalogue, type CatalogueItem } from './catalogue.js';
export { sampleOrders, type SampleOrderOptions } from './sample-orders.js';
export { webhookFor, type WebhookOptions } from './webhook.js';
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
} from './payload.js';
