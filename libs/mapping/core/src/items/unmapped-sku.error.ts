import { IntegrationError } from '@tributary/core';
import type { ItemCandidate } from './item-candidate.js';

export const UNMAPPED_SKU = 'MAPPING.UNMAPPED_SKU';

/**
 * Permanent: retrying cannot teach the catalogue a SKU. The line goes to the dead letter
 * channel with the suggestions, so whoever fixes the catalogue starts from the likely items.
 */
export const unmappedSku = (sku: string, suggestions: readonly ItemCandidate[], why?: string): IntegrationError => {
  const closest = suggestions.length === 0
    ? 'no similar SKU in the item catalogue'
    : `best suggestions: ${suggestions.map((s) => `${s.sku} → ${s.itemId} (${s.reason} ${s.confidence})`).join(', ')}`;
  const reason = why === undefined ? '' : ` (${why})`;
  return IntegrationError.permanent(UNMAPPED_SKU, `SKU "${sku}" is not mapped to an ERP item${reason}; ${closest}`, { sku, suggestions: [...suggestions] });
};
