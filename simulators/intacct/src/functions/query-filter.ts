import { Decimal } from 'decimal.js';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One filter tree for both readByQuery's query string and query's `<filter>` element. */
export type Filter =
  | { kind: 'all' }
  | { kind: 'and' | 'or'; filters: Filter[] }
  | { kind: 'not'; filter: Filter }
  | { kind: 'compare'; field: string; operator: ComparisonOperator; value: string }
  | { kind: 'like'; field: string; pattern: string; negate: boolean }
  | { kind: 'in'; field: string; values: string[]; negate: boolean }
  | { kind: 'null'; field: string; negate: boolean };

export type Row = Readonly<Record<string, string>>;

/** mm/dd/yyyy, optionally followed by HH:MM:SS (WHENMODIFIED and other timestamps). */
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?: (\d{2}):(\d{2}):(\d{2}))?$/;

/** yyyymmddHHMMSS, so dates and datetimes order by time; a bare date is midnight. */
const sortableDate = (match: RegExpExecArray): string =>
  `${match[3]}${match[1]}${match[2]}${match[4] ?? '00'}${match[5] ?? '00'}${match[6] ?? '00'}`;

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Orders numbers as numbers, mm/dd/yyyy [HH:MM:SS] dates as times, everything else as text. */
const compareValues = (left: string, right: string, caseInsensitive: boolean): number => {
  if (NUMBER.test(left) && NUMBER.test(right)) return new Decimal(left).comparedTo(new Decimal(right));
  const l = US_DATE.exec(left);
  const r = US_DATE.exec(right);
  if (l && r) return sortableDate(l).localeCompare(sortableDate(r));
  const [a, b] = caseInsensitive ? [left.toLowerCase(), right.toLowerCase()] : [left, right];
  return a < b ? -1 : a > b ? 1 : 0;
};

const likeRegExp = (pattern: string, caseInsensitive: boolean): RegExp =>
  new RegExp(
    `^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`,
    caseInsensitive ? 'is' : 's',
  );

/** Every field a filter mentions, so unknown fields can be refused before evaluating. */
export const fieldsOf = (filter: Filter): string[] => {
  switch (filter.kind) {
    case 'all':
      return [];
    case 'and':
    case 'or':
      return filter.filters.flatMap(fieldsOf);
    case 'not':
      return fieldsOf(filter.filter);
    default:
      return [filter.field];
  }
};

export const matches = (filter: Filter, row: Row, caseInsensitive = false): boolean => {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'and':
      return filter.filters.every((f) => matches(f, row, caseInsensitive));
    case 'or':
      return filter.filters.some((f) => matches(f, row, caseInsensitive));
    case 'not':
      return !matches(filter.filter, row, caseInsensitive);
    case 'null':
      return ((row[filter.field] ?? '') === '') !== filter.negate;
    case 'like':
      return likeRegExp(filter.pattern, caseInsensitive).test(row[filter.field] ?? '') !== filter.negate;
    case 'in':
      return filter.values.some((v) => compareValues(row[filter.field] ?? '', v, caseInsensitive) === 0) !== filter.negate;
    case 'compare': {
      const order = compareValues(row[filter.field] ?? '', filter.value, caseInsensitive);
      switch (filter.operator) {
        case '=':
          return order === 0;
        case '!=':
          return order !== 0;
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        case '>=':
          return order >= 0;
      }
    }
  }
};
