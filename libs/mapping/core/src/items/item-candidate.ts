/** How a SKU reached its item: the stronger rules come first in `ItemResolver.resolve`. */
export type MatchReason = 'exact' | 'alias' | 'normalised' | 'fuzzy';

/** One possible ERP item for a SKU from the store. */
export interface ItemCandidate {
  readonly itemId: string;
  /** The catalogue's own SKU for that item (for an alias, the canonical SKU it points to). */
  readonly sku: string;
  /** 0..1, rounded to 3 decimals so that logs, messages and thresholds agree. */
  readonly confidence: number;
  readonly reason: MatchReason;
}

export const roundConfidence = (value: number): number => Math.round(value * 1000) / 1000;
