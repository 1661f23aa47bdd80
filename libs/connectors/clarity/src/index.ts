export { clarityHeaders } from './headers.js';
export {
  verifyClaritySignature,
  DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
  type VerifySignatureInput,
  type SignatureRejection,
  type SignatureRejectionReason,
} from './signature/verify-signature.js';
export { signClarityPayload } from './signature/sign-payload.js';
export { clarityAmountSchema, type ClarityAmount } from './webhook/amount.js';
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
export {
  clarityWebhookEnvelopeSchema,
  clarityOrderWebhookSchema,
  clarityOrderEventTypes,
  type ClarityWebhookEnvelope,
  type ClarityOrderWebhook,
  type ClarityOrderEventType,
} from './webhook/envelope.schema.js';
export { describeValidationIssues, type ValidationIssue } from './webhook/validation-issues.js';
export { parseClarityOrderWebhook, type WebhookRejection } from './webhook/parse-webhook.js';
