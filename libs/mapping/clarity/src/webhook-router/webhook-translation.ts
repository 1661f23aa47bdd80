import type { IntegrationError, Result } from '@tributary/core';
import { clarityThinWebhookSchema, type ClarityWebhookEventType, type WebhookRejection } from '@tributary/connectors-clarity';
import type { EventContext } from '../event-context.js';
import type { EntityPosition } from './entity-position.js';
import type { CanonicalRecord, WebhookRoutes } from './webhook-routes.js';

export type Refusal = { readonly kind: 'rejected'; readonly rejection: WebhookRejection } | { readonly kind: 'unmappable'; readonly error: IntegrationError };

/** A valid webhook, mapped: its canonical record, the entity state it carries, and whether it is our own write coming back. */
export interface Translation {
  readonly record: CanonicalRecord;
  readonly position: EntityPosition | null;
  readonly echo: boolean;
}

/** `updatedBy` on a change our own egress made through Clarity's API (`X-Change-Origin`). */
export const echoMarker = (changeOrigin: string): string => `integration:${changeOrigin}`;

/** The entity id of a thin webhook (`data` is only `{ id }`), else null. */
export const thinWebhookId = (json: unknown): string | null => {
  const thin = clarityThinWebhookSchema.safeParse(json);
  return thin.success ? thin.data.data.id : null;
};

/** The body as if Clarity had sent the full entity: what a thin webhook is mapped from once enriched. */
export const withEntity = (json: unknown, entity: unknown): unknown => ({ ...(json as Record<string, unknown>), data: entity });

/**
 * The message translator, shared by the ingress and `tributary clarity remap`: validate the body
 * for its type, map it, and say which entity state it carries. Pure: the same body and context
 * always give the same record (and so the same event id and key).
 */
export const translateWebhook = <Type extends ClarityWebhookEventType>(
  routes: WebhookRoutes,
  type: Type,
  json: unknown,
  ctx: EventContext,
  echoUpdatedBy: string,
): Result<Translation, Refusal> => {
  const route = routes[type];
  const webhook = route.parse(json);
  if (!webhook.ok) return { ok: false, error: { kind: 'rejected', rejection: webhook.error } };
  const record = route.translate(webhook.value, ctx);
  if (!record.ok) return { ok: false, error: { kind: 'unmappable', error: record.error } };
  return { ok: true, value: { record: record.value, position: route.position(webhook.value), echo: route.updatedBy(webhook.value) === echoUpdatedBy } };
};
