/** What the caller decides: a mapping reads no clock and draws no random ids. */
export interface EventContext {
  /** UUID of the canonical event. */
  readonly eventId: string;
  readonly correlationId: string;
  /** When the webhook reached us, epoch ms (kept for the caller's records; not part of the event). */
  readonly receivedAt: number;
}

/** The envelope fields every canonical event from a Clarity webhook carries. */
export const envelopeFrom = (webhook: { readonly id: string; readonly createdAt: string }, ctx: EventContext, schemaVersion: number) => ({
  eventId: ctx.eventId,
  occurredAt: Date.parse(webhook.createdAt),
  source: 'clarity',
  correlationId: ctx.correlationId,
  // The Clarity event id: what caused this event, and what a consumer can trace back to.
  causationId: webhook.id,
  schemaVersion,
});
