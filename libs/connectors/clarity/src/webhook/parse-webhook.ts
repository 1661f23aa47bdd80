import { err, ok, type Result } from '@tributary/core';
import { clarityOrderWebhookSchema, clarityWebhookEnvelopeSchema, type ClarityOrderWebhook } from './envelope.schema.js';
import { describeValidationIssues, type ValidationIssue } from './validation-issues.js';

/**
 * Why a verified body cannot be used. `unsupported-type` is a well-formed webhook about something
 * we do not handle (yet): acknowledge it rather than make Clarity retry it.
 */
export type WebhookRejection =
  | { readonly reason: 'invalid-json'; readonly issues: readonly ValidationIssue[] }
  | { readonly reason: 'invalid-payload'; readonly issues: readonly ValidationIssue[] }
  | { readonly reason: 'unsupported-type'; readonly type: string; readonly issues: readonly ValidationIssue[] };

/** Raw body → typed order webhook. Run it only after the signature has been verified. */
export const parseClarityOrderWebhook = (rawBody: Buffer | string): Result<ClarityOrderWebhook, WebhookRejection> => {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err({ reason: 'invalid-json', issues: [{ path: '(root)', message }] });
  }
  const envelope = clarityWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return err({ reason: 'invalid-payload', issues: describeValidationIssues(envelope.error) });

  const order = clarityOrderWebhookSchema.safeParse(json);
  if (order.success) return ok(order.data);
  const issues = describeValidationIssues(order.error);
  const typeUnsupported = issues.some((issue) => issue.path === 'type');
  return typeUnsupported
    ? err({ reason: 'unsupported-type', type: envelope.data.type, issues })
    : err({ reason: 'invalid-payload', issues });
};
