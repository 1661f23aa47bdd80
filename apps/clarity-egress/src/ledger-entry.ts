import type { CrossReference } from '@tributary/canonical-model';

/** Builds `integration.xref.v1` entries for one Clarity record caused by one canonical event. */
export const ledgerEntries = (event: { readonly eventId: string }, correlationId: string, attempt: number, clock: () => number) =>
  (entity: string, sourceId: string, externalReference: string | null = null) => ({
    key: `clarity:${entity}:${sourceId}`,
    entry: (status: string, externalId: string | null, detail: string | null = null): CrossReference => ({
      key: `clarity:${entity}:${sourceId}`, system: 'clarity', entity, sourceId, status, externalId,
      externalReference, eventId: event.eventId, correlationId, attempt, detail, updatedAt: clock(),
    }),
  });

/** The JSON a ledger entry's detail holds, or undefined when there is none or it is not ours. */
export const detailOf = <T extends object>(entry: CrossReference | undefined): Partial<T> | undefined => {
  if (!entry?.detail) return undefined;
  try {
    const parsed: unknown = JSON.parse(entry.detail);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
};
