/**
 * How new a delivered state of one Clarity entity is: Clarity's own modification time, and its
 * revision counter when it sends one (compared first: two edits can share a second).
 */
export interface EntityPosition {
  /** `order:<id>`, `customer:<id>`, `product:<sku>`, `inventory:<sku>@<location>`. */
  readonly entity: string;
  /** Epoch ms of Clarity's modification time. */
  readonly at: number;
  readonly revision: number | null;
}

/** Strictly older: an equal position is the same state again (or a tie we cannot order), which is let through. */
export const isOlder = (candidate: EntityPosition, newest: EntityPosition): boolean =>
  candidate.revision !== null && newest.revision !== null ? candidate.revision < newest.revision : candidate.at < newest.at;

/** Kafka headers on the audit record that let the ingress rebuild its ordering state without re-mapping. */
export const PositionHeader = { entity: 'entity', at: 'entity-at', revision: 'entity-revision' } as const;

export const positionHeaders = (position: EntityPosition | null): Record<string, string> =>
  position === null
    ? {}
    : {
        [PositionHeader.entity]: position.entity,
        [PositionHeader.at]: String(position.at),
        ...(position.revision === null ? {} : { [PositionHeader.revision]: String(position.revision) }),
      };

export const positionFromHeaders = (headers: Readonly<Record<string, string | undefined>>): EntityPosition | null => {
  const entity = headers[PositionHeader.entity];
  const at = Number(headers[PositionHeader.at]);
  if (!entity || !Number.isFinite(at)) return null;
  const revision = headers[PositionHeader.revision] === undefined ? null : Number(headers[PositionHeader.revision]);
  return { entity, at, revision: revision !== null && Number.isFinite(revision) ? revision : null };
};
