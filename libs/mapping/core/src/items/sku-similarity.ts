import { distance } from 'fastest-levenshtein';

/**
 * The key two spellings of one SKU share: upper case, accents dropped, and everything that is
 * not a letter or digit removed, so "trb mug 12oz", "TRB-MUG-12OZ" and "Trb_Mug.12oz" agree.
 */
export const normaliseSku = (sku: string): string =>
  sku.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Trigrams of a normalised key, padded like PostgreSQL's pg_trgm (two spaces before, one after)
 * so that short keys still have trigrams and the first characters weigh a little more.
 */
export const trigrams = (key: string): ReadonlySet<string> => {
  const padded = `  ${key} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
};

/** 1 − edit distance / length of the longer key. */
export const levenshteinSimilarity = (a: string, b: string): number => {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
};

/** |A ∩ B| / |A ∪ B| from the sizes, so callers that count shared trigrams need no sets. */
export const jaccardFromCounts = (shared: number, sizeA: number, sizeB: number): number => {
  const union = sizeA + sizeB - shared;
  return union === 0 ? 1 : shared / union;
};

export const LEVENSHTEIN_WEIGHT = 0.6;
export const TRIGRAM_WEIGHT = 0.4;

/**
 * similarity = 0.6 × levenshteinSimilarity + 0.4 × trigramJaccard, both on normalised keys.
 *
 * Levenshtein alone rates "TRB-BEANS-ETH-1KG" and "TRB-BEANS-ETH-5KG" at 0.93 although they are
 * different products; the substituted character breaks three trigrams, which pulls the pair
 * down to 0.82. The result is deliberately strict: at the default threshold (0.92) only a slip
 * that leaves the trigrams almost whole auto-maps ("TRB-BEANS-ESPRESSSO-1KG" scores 0.95),
 * while an ordinary one-letter typo scores 0.80–0.91 and is suggested for a person to confirm.
 */
export const combineSimilarity = (levenshtein: number, trigramJaccard: number): number =>
  LEVENSHTEIN_WEIGHT * levenshtein + TRIGRAM_WEIGHT * trigramJaccard;

/** Similarity of two normalised keys (see `combineSimilarity`). */
export const skuSimilarity = (a: string, b: string): number => {
  const gramsA = trigrams(a);
  const gramsB = trigrams(b);
  let shared = 0;
  for (const gram of gramsA) if (gramsB.has(gram)) shared++;
  return combineSimilarity(levenshteinSimilarity(a, b), jaccardFromCounts(shared, gramsA.size, gramsB.size));
};

/**
 * The digit runs of a key ("TRBMUG12OZ" → "12"). Sizes, weights and pack counts live in the
 * digits, so two SKUs whose digits differ are never the same item however alike they look.
 */
export const digitSignature = (key: string): string => (key.match(/\p{N}+/gu) ?? []).join('|');
