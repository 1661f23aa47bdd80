import { z } from 'zod';
import { targetFieldSchema, type TargetField } from './target-field.schema.js';

const types = targetFieldSchema.shape.type.unwrap().options;

/**
 * One target as written on the command line or in a text file: `NAME`, `NAME:type` or
 * `NAME:type:example` (the example may itself contain colons, as times do).
 */
export const parseTargetSpec = (spec: string): TargetField | string => {
  const [name = '', type, ...example] = spec.split(':').map((part) => part.trim());
  if (name === '') return `empty target name in "${spec}"`;
  if (type !== undefined && type !== '' && !(types as readonly string[]).includes(type)) {
    return `unknown type "${type}" for ${name}: expected one of ${types.join(', ')}`;
  }
  return {
    name,
    ...(type !== undefined && type !== '' ? { type: type as TargetField['type'] } : {}),
    ...(example.length > 0 ? { example: example.join(':') } : {}),
  };
};

const collect = (specs: readonly string[]): { targets: TargetField[]; problems: string[] } => {
  const parsed = specs.map(parseTargetSpec);
  const problems = parsed.filter((p): p is string => typeof p === 'string');
  if (specs.length === 0) problems.push('no target fields given');
  return { targets: parsed.filter((p): p is TargetField => typeof p !== 'string'), problems };
};

/** `TOTAL:number,CUSTVENDID,WHENCREATED:date:11/25/2026`; blank items are skipped. */
export const parseTargetList = (list: string) =>
  collect(list.split(',').map((item) => item.trim()).filter((item) => item !== ''));

/** One target per line, so examples may contain commas; blank lines and `#` lines are skipped. */
export const parseTargetLines = (text: string) =>
  collect(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')));

/** A JSON targets file: an array of names or of `{ name, type?, example? }`. */
// A bare name becomes `{ name }` first, so a wrong entry is reported by its field (`0.type`).
export const targetFileSchema = z.array(z.preprocess((entry) => (typeof entry === 'string' ? { name: entry } : entry), targetFieldSchema)).min(1, 'expected at least one target');
