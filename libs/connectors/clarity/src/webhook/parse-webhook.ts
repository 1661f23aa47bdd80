import type { z } from 'zod';
import { err, ok, type Result } from '@tributary/core';
import {
  clarityOrderWebhookSchema,
  clarityWebhookEnvelopeSchema,
  type ClarityOrderWebhook,
  type ClarityWebhookEnvelope,
} from './envelope.schema.js';
import { describeValidationIssues, type ValidationIssue } from './validation-issues.js';

/**
 * Why a verified body cannot be used. `unsupported-type` is a well-formed webhook about something
 * we do not handle (yet): acknowledge it rather than make Clarity retry it.
 */
export type WebhookRejection =
  | { readonly reason: 'invalid-json'; readonly issues: readonly ValidationIssue[] }
  | { readonly reason: 'invalid-payload'; readonly issues: readonly ValidationIssue[] }
  | { readonly reason: 'unsupported-type'; readonly type: string; readonly issues: readonly ValidationIssue[] };

/** A body whose envelope is sound; `json` is the whole parsed body, to validate once `type` is known. */
export interface ReadWebhook {
  readonly envelope: ClarityWebhookEnvelope;
  readonly json: unknown;
}

/** Raw body → JSON with a valid envelope (`id`, `type`, `createdAt`, `apiVersion`). Run it only after the signature has been verified. */
export const readClarityWebhook = (rawBody: Buffer | string): Result<ReadWebhook, WebhookRejection> => {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err({ reason: 'invalid-json', issues: [{ path: '(root)', message }] });
  }
  const envelope = clarityWebhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) return err({ reason: 'invalid-payload', issues: describeValidationIssues(envelope.error) });
  return ok({ envelope: envelope.data, json });
};

/** A validator for one kind of webhook: JSON → its typed webhook, or every issue at its path. */
export const validateWith =
  <Schema extends z.ZodType>(schema: Schema) =>
  (json: unknown): Result<z.output<Schema>, WebhookRejection> => {
    const parsed = schema.safeParse(json);
    return parsed.success ? ok(parsed.data) : err({ reason: 'invalid-payload', issues: describeValidationIssues(parsed.error) });
  };

/** Raw body → typed order webhook. Run it only after the signature has been verified. */
export const parseClarityOrderWebhook = (rawBody: Buffer | string): Result<ClarityOrderWebhook, WebhookRejection> => {
  const read = readClarityWebhook(rawBody);
  if (!read.ok) return read;
  const order = validateWith(clarityOrderWebhookSchema)(read.value.json);
  if (order.ok) return order;
  const typeUnsupported = order.error.issues.some((issue) => issue.path === 'type');
  return typeUnsupported ? err({ reason: 'unsupported-type', type: read.value.envelope.type, issues: order.error.issues }) : order;
};
