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

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Orders numbers as numbers and mm/dd/yyyy dates as dates, everything else as text. */
const compareValues = (left: string, right: string, caseInsensitive: boolean): number => {
  if (NUMBER.test(left) && NUMBER.test(right)) return new Decimal(left).comparedTo(new Decimal(right));
  const l = US_DATE.exec(left);
  const r = US_DATE.exec(right);
  if (l && r) return `${l[3]}${l[1]}${l[2]}`.localeCompare(`${r[3]}${r[1]}${r[2]}`);
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
