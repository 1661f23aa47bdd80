import { knownWords } from './field-synonyms.js';
import { splitWords, tokenise } from './field-tokens.js';
import { nameSimilarity, type WordMatch } from './name-similarity.js';
import { samplePaths } from './sample-paths.js';
import type { TargetField } from './target-field.schema.js';
import { valueCompatibility } from './value-compatibility.js';

export interface FieldMappingSuggestion {
  readonly target: string;
  /** dotted path into the sample, arrays as [] (`lineItems[].sku`) */
  readonly source: string;
  /** 0..1, rounded to 3 decimals */
  readonly score: number;
  readonly why: string;
}

export interface SuggestOptions {
  /** candidates kept per target field, best first (default 3) */
  readonly perTarget?: number;
  /** below this a candidate is noise, not a suggestion (default 0.3) */
  readonly minScore?: number;
}

/** Name decides; the value only separates names that are about as good. */
const NAME_WEIGHT = 0.75;

const describeMatch = (m: WordMatch): string =>
  `${m.target} ${m.kind === 'same' ? '=' : m.kind === 'synonym' ? '≈' : '~'} ${m.source}${m.inParent ? ' (parent)' : ''}`;

/**
 * Ranks, for each target field, the sample's fields that most likely feed it: by name
 * (words split from camelCase, snake_case and run-together UPPERCASE, compared with synonyms)
 * and, when the target gives a type or an example, by whether the sample value fits.
 * Returns targets in the order given, each target's candidates best first.
 */
export const suggestFieldMappings = (
  sample: Record<string, unknown>,
  targetFields: readonly TargetField[],
  options: SuggestOptions = {},
): FieldMappingSuggestion[] => {
  const { perTarget = 3, minScore = 0.3 } = options;
  const fields = samplePaths(sample);
  // Words the sample itself uses help split the targets' run-together names.
  const vocabulary = new Set([...knownWords, ...fields.flatMap((f) => splitWords(f.path)), ...targetFields.flatMap((t) => splitWords(t.name).filter((w) => w !== t.name.toLowerCase()))]);
  const sources = fields.map((field) => {
    const segments = field.path.split('.').map((segment) => segment.replaceAll('[]', ''));
    return {
      ...field,
      own: tokenise(segments.at(-1) ?? '', vocabulary),
      parents: segments.slice(0, -1).flatMap((segment) => tokenise(segment, vocabulary)),
    };
  });

  return targetFields.flatMap((target) => {
    const targetWords = tokenise(target.name, vocabulary);
    // Say how a run-together name was read, so a reviewer can spot a wrong split at once.
    const reading = targetWords.join(' ') === target.name.toLowerCase() ? '' : `${target.name} read as "${targetWords.join(' ')}"; `;
    return sources
      .map((source) => {
        const name = nameSimilarity(targetWords, source.own, source.parents);
        const value = valueCompatibility(target, source.value);
        const score = value === undefined ? name.score : NAME_WEIGHT * name.score + (1 - NAME_WEIGHT) * value.score;
        const words = name.matches.length === 0 ? 'no common words' : name.matches.map(describeMatch).join(', ');
        return {
          target: target.name,
          source: source.path,
          score: Math.round(score * 1000) / 1000,
          why: `name: ${reading}${words}${value === undefined ? '' : `; ${value.why}`}`,
        };
      })
      .filter((suggestion) => suggestion.score >= minScore)
      .sort((a, b) => b.score - a.score)
      .slice(0, perTarget);
  });
};
