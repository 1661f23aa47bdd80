export { clarityHeaders } from './headers.js';
export {
  verifyClaritySignature,
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  type VerifySignatureInput,
  type SignatureRejection,
  type SignatureRejectionReason,
} from './signature/verify-signature.js';
export { signClarityPayload } from './signature/sign-payload.js';
export { clarityAmountSchema, clarityPositiveAmountSchema, type ClarityAmount } from './webhook/amount.js';
export {
  clarityOrderSchema,
  clarityAddressSchema,
  clarityCustomerSchema,
  clarityLineItemSchema,
  clarityShippingSchema,
  clarityPaymentSchema,
  type ClarityOrder,
  type ClarityAddress,
  type ClarityCustomer,
  type ClarityLineItem,
  type ClarityShipping,
  type ClarityPayment,
} from './webhook/order.schema.js';
export { clarityPaymentTransactionSchema, type ClarityPaymentTransaction } from './webhook/payment-transaction.schema.js';
export { clarityReturnSchema, clarityReturnLineSchema, type ClarityReturn, type ClarityReturnLine } from './webhook/return.schema.js';
export { clarityProductSchema, clarityProductStatuses, type ClarityProduct, type ClarityProductStatus } from './webhook/product.schema.js';
export { clarityStockQuantitySchema, clarityPositiveQuantitySchema, type ClarityQuantity } from './webhook/quantity.js';
export { clarityInventorySchema, type ClarityInventory } from './webhook/inventory.schema.js';
export { clarityCustomerRecordSchema, type ClarityCustomerRecord } from './webhook/customer.schema.js';
export { clarityShipmentSchema, clarityShipmentLineSchema, type ClarityShipment, type ClarityShipmentLine } from './webhook/shipment.schema.js';
export {
  clarityCustomerWebhookSchema,
  clarityInventoryWebhookSchema,
  clarityShipmentWebhookSchema,
  clarityThinWebhookSchema,
  clarityCustomerEventTypes,
  clarityInventoryEventTypes,
  clarityShipmentEventTypes,
  type ClarityThinWebhook,
  type ClarityCustomerEventType,
  type ClarityCustomerWebhook,
  type ClarityInventoryWebhook,
  type ClarityShipmentWebhook,
} from './webhook/envelope.schema.js';
export {
  clarityWebhookEnvelopeSchema,
  clarityOrderWebhookSchema,
  clarityPaymentWebhookSchema,
  clarityReturnWebhookSchema,
  clarityProductWebhookSchema,
  clarityOrderEventTypes,
  clarityPaymentEventTypes,
  clarityReturnEventTypes,
  clarityProductEventTypes,
  clarityWebhookEventTypes,
  isClarityWebhookEventType,
  type ClarityWebhookEnvelope,
  type ClarityWebhook,
  type ClarityWebhookOf,
  type ClarityWebhookEventType,
  type ClarityOrderWebhook,
  type ClarityOrderEventType,
  type ClarityPaymentWebhook,
  type ClarityPaymentEventType,
  type ClarityReturnWebhook,
  type ClarityProductWebhook,
} from './webhook/envelope.schema.js';
export { describeValidationIssues, type ValidationIssue } from './webhook/validation-issues.js';
export {
  parseClarityOrderWebhook,
  readClarityWebhook,
  validateWith,
  type ReadWebhook,
  type WebhookRejection,
} from './webhook/parse-webhook.js';
export { ClarityApiClient, type CreatedShipment } from './api/clarity-api-client.js';
export type { ClarityApiClientOptions, ClarityApiRequestEvent } from './api/clarity-api-types.js';
export { ClarityApiErrorCode } from './api/clarity-api-error-codes.js';
export { clarityApiRoutes, type ClarityApiOperation } from './api/clarity-api-routes.js';
export { clarityApiEnvSchema, clarityApiClientOptions, type ClarityApiEnv } from './api/clarity-api-env.js';
export {
  clarityInventoryLevelSchema,
  clarityNewShipmentSchema,
  clarityCustomerPatchSchema,
  clarityOrderStatusChangeSchema,
  clarityOrderStatuses,
  CLARITY_MAX_LEVELS_PER_PUT,
  type ClarityInventoryLevel,
  type ClarityNewShipment,
  type ClarityCustomerPatch,
  type ClarityOrderStatus,
  type ClarityOrderStatusChange,
} from './api/request.schema.js';
export type { ClarityInventoryResult, ClarityOrderStatusResult } from './api/reply.schema.js';
