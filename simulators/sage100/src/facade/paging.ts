import type { Stamped } from '../simulator-types.js';
import { stampKey } from '../state/clock.js';
import { SimulatorError } from './facade-error.js';

export interface Page<T> {
  Records: T[];
  NextCursor: string | null;
}

type Position = [stamp: string, key: string];

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

const decode = (cursor: string): Position => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as Position;
  } catch {
    // fall through
  }
  throw new SimulatorError('bad_request', 'Cursor is not one this facade handed out', 'Cursor');
};

const after = (a: Position, b: Position) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * Orders by DateUpdated, TimeUpdated, then key, keeps records updated at or after `from`
 * (inclusive: one-second precision), and pages by keyset, so a record that changes while a
 * client pages moves behind the cursor instead of shifting the others out of sight.
 */
export const pageOf = <T extends Stamped>(
  records: Iterable<T>,
  keyOf: (record: T) => string,
  query: { DateUpdatedFrom?: string | undefined; PageSize: number; Cursor?: string | undefined },
): Page<T> => {
  const from = query.DateUpdatedFrom ? (query.DateUpdatedFrom.length === 10 ? `${query.DateUpdatedFrom}T00:00:00` : query.DateUpdatedFrom) : '';
  const start = query.Cursor ? decode(query.Cursor) : undefined;
  const sorted = [...records]
    .map((record) => ({ record, position: [stampKey(record), keyOf(record)] as Position }))
    .filter(({ position }) => position[0] >= from && (!start || after(position, start)))
    .sort((a, b) => (after(a.position, b.position) ? 1 : after(b.position, a.position) ? -1 : 0));
  const page = sorted.slice(0, query.PageSize);
  const last = page.at(-1);
  return {
    Records: page.map(({ record }) => structuredClone(record)),
    NextCursor: sorted.length > query.PageSize && last ? encode(last.position) : null,
  };
};
