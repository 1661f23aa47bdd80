import type { CrossReference } from '@tributary/canonical-model';

/** Builds `integration.xref.v1` entries for one Intacct record caused by one canonical event. */
export const ledgerEntries = (event: { readonly eventId: string }, correlationId: string, attempt: number, clock: () => number) =>
  (entity: string, sourceId: string, externalReference: string | null) => ({
    key: `intacct:${entity}:${sourceId}`,
    entry: (status: string, externalId: string | null, detail: string | null = null): CrossReference => ({
      key: `intacct:${entity}:${sourceId}`, system: 'intacct', entity, sourceId, status, externalId,
      externalReference, eventId: event.eventId, correlationId, attempt, detail, updatedAt: clock(),
    }),
  });
