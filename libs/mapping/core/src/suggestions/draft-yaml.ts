import { Document, YAMLMap } from 'yaml';
import type { FieldMappingSuggestion } from './suggest-field-mappings.js';

export interface DraftOptions {
  /** every target in the order wanted, so that targets without a candidate appear as null */
  readonly targets?: readonly string[];
}

/** Below this the best guess is flagged so a reviewer does not skim past it. */
const LOW_SCORE = 0.6;

const header = [
  ' Draft field mapping, generated from a sample message by suggest-mappings.',
  ' Nothing here is checked: confirm or correct every source path before use.',
  ' target: source path in the sample (arrays as []); score 0..1 from name and value fit.',
].join('\n');

const groupByTarget = (suggestions: readonly FieldMappingSuggestion[]): Map<string, FieldMappingSuggestion[]> => {
  const groups = new Map<string, FieldMappingSuggestion[]>();
  for (const suggestion of suggestions) groups.set(suggestion.target, [...(groups.get(suggestion.target) ?? []), suggestion]);
  for (const group of groups.values()) group.sort((a, b) => b.score - a.score);
  return groups;
};

/**
 * A YAML draft for review: `fields: { TARGET: source.path }` with the best candidate as the
 * value, and its score, reasons and runner-up candidates as comments above it.
 */
export const toDraftYaml = (suggestions: readonly FieldMappingSuggestion[], options: DraftOptions = {}): string => {
  const groups = groupByTarget(suggestions);
  const targets = [...new Set([...(options.targets ?? []), ...groups.keys()])];

  const document = new Document({ version: 1, kind: 'field-mapping-draft' });
  document.commentBefore = header;
  const fields = new YAMLMap();
  for (const target of targets) {
    const [best, ...others] = groups.get(target) ?? [];
    const pair = document.createPair(target, best?.source ?? null);
    const notes = best === undefined
      ? [' no candidate in the sample: fill in by hand or delete']
      : [
          ` ${best.score < LOW_SCORE ? 'LOW CONFIDENCE, ' : ''}score ${best.score}: ${best.why}`,
          ...(others.length > 0 ? [` also: ${others.map((o) => `${o.source} (${o.score})`).join(', ')}`] : []),
        ];
    (pair.key as { commentBefore?: string }).commentBefore = notes.join('\n');
    fields.items.push(pair);
  }
  document.set('fields', fields);
  return document.toString({ lineWidth: 0 });
};
