import { areSynonyms, wordWeight } from './field-synonyms.js';

/** How one target word found its best source word; feeds the `why` of a suggestion. */
export interface WordMatch {
  readonly target: string;
  readonly source: string;
  readonly kind: 'same' | 'synonym' | 'prefix';
  /** the source word came from a parent object ("item" in lineItems[].lineId) */
  readonly inParent: boolean;
}

export interface NameSimilarity {
  readonly score: number;
  readonly matches: readonly WordMatch[];
}

const wordScore = { same: 1, synonym: 0.8, prefix: 0.6 } as const;
/** A word from the parent object describes the field less than the field's own name does. */
const PARENT_DISCOUNT = 0.7;

const compareWords = (target: string, source: string): WordMatch['kind'] | undefined => {
  if (target === source) return 'same';
  if (areSynonyms(target, source)) return 'synonym';
  const [shorter, longer] = target.length <= source.length ? [target, source] : [source, target];
  return shorter.length >= 3 && longer.startsWith(shorter) ? 'prefix' : undefined;
};

const weightedMean = (values: ReadonlyArray<{ weight: number; value: number }>): number => {
  const total = values.reduce((sum, v) => sum + v.weight, 0);
  return total === 0 ? 0 : values.reduce((sum, v) => sum + v.weight * v.value, 0) / total;
};

/**
 * name = (2 × targetCoverage + sourceCoverage) / 3, where targetCoverage is how well the target's
 * words are found in the source path (parents included, at 0.7) and sourceCoverage how much of
 * the source field's own name is explained by the target. Target coverage counts double: the
 * question is "where does TOTAL come from", and extra words on the source ("totalAmount")
 * matter less than missing ones. Qualifier words ("order" in orderDate) weigh 0.3.
 */
export const nameSimilarity = (targetWords: readonly string[], ownWords: readonly string[], parentWords: readonly string[]): NameSimilarity => {
  const matches: WordMatch[] = [];
  const targetCoverage = weightedMean(targetWords.map((target) => {
    let best: { value: number; match?: WordMatch } = { value: 0 };
    for (const [words, inParent] of [[ownWords, false], [parentWords, true]] as const) {
      for (const source of words) {
        const kind = compareWords(target, source);
        const value = kind === undefined ? 0 : wordScore[kind] * (inParent ? PARENT_DISCOUNT : 1);
        if (kind !== undefined && value > best.value) best = { value, match: { target, source, kind, inParent } };
      }
    }
    if (best.match !== undefined) matches.push(best.match);
    return { weight: wordWeight(target), value: best.value };
  }));
  const sourceCoverage = weightedMean(ownWords.map((source) => ({
    weight: wordWeight(source),
    value: Math.max(0, ...targetWords.map((target) => {
      const kind = compareWords(target, source);
      return kind === undefined ? 0 : wordScore[kind];
    })),
  })));
  return { score: (2 * targetCoverage + sourceCoverage) / 3, matches };
};
