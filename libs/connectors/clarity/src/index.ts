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
