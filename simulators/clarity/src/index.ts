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
export { startClaritySimulator } from './shop/start-clarity-simulator.js';
export { sampleShopData, customerOf } from './shop/sample-shop.js';
export type {
  ClaritySimulator,
  ClaritySimulatorOptions,
  ClaritySimulatorStats,
  ClarityCustomerRecordPayload,
  ClarityShipmentPayload,
  ClarityShipmentLinePayload,
  ClarityEntityKind,
  CustomerPatch,
  EmitOptions,
  InventoryLevel,
  InventoryPush,
  OrderStatusChange,
  ShopData,
  ShopFaults,
  StoredInventoryLevel,
  StoredOrder,
  WebhookDelivery,
  WebhookTarget,
} from './shop/shop-types.js';
export { startWebhookReceiver, type WebhookReceiver, type ReceivedWebhook } from './shop/webhook-receiver.js';
