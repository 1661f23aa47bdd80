import type { CrossReference } from '@tributary/canonical-model';

/** Builds `integration.xref.v1` entries for one Sage 100 record caused by one canonical event. */
export const ledgerEntries = (event: { readonly eventId: string }, correlationId: string, attempt: number, clock: () => number) =>
  (entity: string, sourceId: string, externalReference: string | null) => ({
    key: `sage100:${entity}:${sourceId}`,
    entry: (status: string, externalId: string | null, detail: string | null = null): CrossReference => ({
      key: `sage100:${entity}:${sourceId}`, system: 'sage100', entity, sourceId, status, externalId,
      externalReference, eventId: event.eventId, correlationId, attempt, detail, updatedAt: clock(),
    }),
  });

export type LedgerEntryOf = ReturnType<ReturnType<typeof ledgerEntries>>;
