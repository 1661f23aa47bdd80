import type { TargetField } from './target-field.schema.js';

/** What a value looks like, whatever its JSON type: "349.40" and 349.4 are both amounts. */
export type ValueShape = 'number' | 'numeric-text' | 'date' | 'boolean' | 'email' | 'code' | 'text' | 'empty';

const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const slashDate = /^\d{1,2}\/\d{1,2}\/\d{4}( \d{2}:\d{2}(:\d{2})?)?$/;

export const valueShape = (value: unknown): ValueShape => {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value !== 'string') return 'text';
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return 'numeric-text';
  if (isoDate.test(text) || slashDate.test(text)) return 'date';
  if (/^(true|false)$/i.test(text)) return 'boolean';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return 'email';
  if (/^[\p{L}\p{N}][\p{L}\p{N}._\-/]*$/u.test(text) && /\p{N}|[-_]/u.test(text)) return 'code';
  return 'text';
};

const fitsType: Record<NonNullable<TargetField['type']>, Partial<Record<ValueShape, number>>> = {
  number: { 'number': 1, 'numeric-text': 0.9 },
  date: { 'date': 1, 'number': 0.2, 'numeric-text': 0.2 },
  boolean: { 'boolean': 1 },
  string: { 'text': 1, 'code': 1, 'email': 1, 'numeric-text': 0.8, 'date': 0.7, 'number': 0.6, 'boolean': 0.3 },
};

/** Shapes that carry the same kind of value written differently. */
const alike: ReadonlyArray<readonly [ValueShape, ValueShape, number]> = [
  ['number', 'numeric-text', 0.9],
  ['code', 'numeric-text', 0.7],
  ['code', 'text', 0.6],
  ['email', 'text', 0.3],
];

const shapeFit = (expected: ValueShape, actual: ValueShape): number => {
  if (expected === actual) return 1;
  const pair = alike.find(([a, b]) => (a === expected && b === actual) || (a === actual && b === expected));
  return pair?.[2] ?? 0.1;
};

export interface Compatibility {
  /** 0..1 */
  readonly score: number;
  readonly why: string;
}

/** An empty sample value says nothing either way. */
const UNKNOWN = 0.5;

/**
 * How well a sample value fits what the target expects, from its `type` and the shape of its
 * `example`; undefined when the target says neither, so that name alone decides.
 */
export const valueCompatibility = (target: TargetField, value: unknown): Compatibility | undefined => {
  if (target.type === undefined && target.example === undefined) return undefined;
  const shape = valueShape(value);
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  if (shape === 'empty') return { score: UNKNOWN, why: 'sample value is empty' };
  const scores: number[] = [];
  const reasons: string[] = [];
  if (target.type !== undefined) {
    const fit = fitsType[target.type][shape] ?? 0;
    scores.push(fit);
    reasons.push(`${fit >= 0.8 ? 'fits' : 'does not fit'} ${target.type}`);
  }
  if (target.example !== undefined) {
    const expected = valueShape(target.example);
    const fit = shapeFit(expected, shape);
    scores.push(fit);
    reasons.push(`${fit >= 0.7 ? 'looks like' : 'unlike'} example "${target.example}"`);
  }
  return { score: scores.reduce((a, b) => a + b, 0) / scores.length, why: `value ${shown} ${reasons.join(', ')}` };
};
