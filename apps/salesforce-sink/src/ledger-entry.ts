import type { CrossReference } from '@tributary/canonical-model';

/** Builds `integration.xref.v1` entries for one Salesforce record caused by one canonical event. */
export const ledgerEntries = (event: { readonly eventId: string }, correlationId: string, attempt: number, clock: () => number) =>
  (entity: string, sourceId: string, externalReference: string | null) => ({
    key: `salesforce:${entity}:${sourceId}`,
    entry: (status: string, externalId: string | null, detail: string | null = null): CrossReference => ({
      key: `salesforce:${entity}:${sourceId}`, system: 'salesforce', entity, sourceId, status, externalId,
      externalReference, eventId: event.eventId, correlationId, attempt, detail, updatedAt: clock(),
    }),
  });

export const detailOf = <T>(entry: CrossReference | undefined): T | undefined => {
  if (!entry?.detail) return undefined;
  try {
    return JSON.parse(entry.detail) as T;
  } catch {
    return undefined;
  }
};
