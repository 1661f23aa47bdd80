import { knownWords, phrases } from './field-synonyms.js';

/** "totalAmount", "total_amount", "TOTAL-AMOUNT", "PONumber" → words as written, lower case. */
export const splitWords = (name: string): string[] =>
  name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/gu, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());

/** items → item, addresses → address, categories → category; leaves "status" alone. */
export const singular = (word: string): string => {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word) && !word.endsWith('is')) return word.slice(0, -1);
  return word;
};

/**
 * Splits a run-together word (Intacct's CUSTVENDID, WHENCREATED) into known words, using as
 * few words as possible. Only a split that uses known words throughout is taken: a partial
 * one turns "notes" into "no" + "tes".
 */
export const segment = (word: string, vocabulary: ReadonlySet<string>): string[] => {
  if (vocabulary.has(word)) return [word];
  const fewest: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 20); start <= end - 2; start++) {
      const before = fewest[start];
      const piece = word.slice(start, end);
      if (before === undefined || !vocabulary.has(piece)) continue;
      const current = fewest[end];
      if (current === undefined || before.length + 1 < current.length) fewest[end] = [...before, piece];
    }
  }
  return fewest[word.length] ?? [word];
};

/** Replaces two-word phrases that are one idea ("item id") by that idea ("sku"). */
const joinPhrases = (words: readonly string[]): string[] => {
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const phrase = phrases.get(`${words[i]} ${words[i + 1]}`);
    if (phrase !== undefined) {
      joined.push(phrase);
      i++;
    } else {
      joined.push(words[i] as string);
    }
  }
  return joined;
};

/** A field name as comparable words: split, singular, run-togethers segmented, phrases joined. */
export const tokenise = (name: string, vocabulary: ReadonlySet<string> = knownWords): string[] =>
  joinPhrases(splitWords(name).flatMap((word) => segment(singular(word), vocabulary)));
