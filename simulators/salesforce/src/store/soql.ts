import { malformedQuery } from '../rest/sf-error.js';

/** The SOQL subset jsforce and our connector send: SELECT … FROM … [WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n]. */
export interface SoqlQuery {
  fields: string[];
  count: boolean;
  from: string;
  where?: Condition;
  orderBy: { field: string; descending: boolean; nullsLast: boolean }[];
  limit?: number;
  offset?: number;
}

export type Literal = string | number | boolean | null | { date: number };
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: string; op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like'; value: Literal }
  | { kind: 'in'; field: string; negated: boolean; values: Literal[] };

type Token = { kind: 'word' | 'string' | 'number' | 'date' | 'symbol'; text: string; value?: Literal };

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds of a SOQL or Salesforce date/datetime text (`…+0000` included), or NaN. */
export const dateMs = (text: string): number => {
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : Date.parse(normalised);
};

const tokenize = (soql: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const c = soql.charAt(i);
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let text = '';
      i += 1;
      for (;;) {
        if (i >= soql.length) throw malformedQuery('unterminated string literal');
        const d = soql.charAt(i);
        if (d === '\\') {
          const e = soql.charAt(i + 1);
          text += e === 'n' ? '\n' : e === 't' ? '\t' : e;
          i += 2;
        } else if (d === "'") {
          i += 1;
          break;
        } else {
          text += d;
          i += 1;
        }
      }
      tokens.push({ kind: 'string', text, value: text });
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'symbol', text: c });
      i += 1;
    } else if ('=!<>'.includes(c)) {
      const two = soql.slice(i, i + 2);
      const op = ['!=', '<>', '<=', '>='].includes(two) ? two : c;
      tokens.push({ kind: 'symbol', text: op === '<>' ? '!=' : op });
      i += op.length;
    } else {
      const match = /^[A-Za-z0-9_.:+\-]+/.exec(soql.slice(i));
      if (!match) throw malformedQuery(`unexpected character '${c}' at ${i}`);
      const text = match[0];
      i += text.length;
      if (DATETIME.test(text) || DATE.test(text)) tokens.push({ kind: 'date', text, value: { date: dateMs(text) } });
      else if (/^-?\d+(\.\d+)?$/.test(text)) tokens.push({ kind: 'number', text, value: Number(text) });
      else tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
};

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private next(): Token {
    const token = this.tokens[this.i];
    if (!token) throw malformedQuery('unexpected end of query');
    this.i += 1;
    return token;
  }
  private isWord(word: string, offset = 0): boolean {
    const token = this.tokens[this.i + offset];
    return token?.kind === 'word' && token.text.toUpperCase() === word;
  }
  private expectWord(word: string): void {
    if (!this.isWord(word)) throw malformedQuery(`expected ${word} near '${this.peek()?.text ?? 'end'}'`);
    this.i += 1;
  }
  private expectSymbol(symbol: string): void {
    const token = this.next();
    if (token.kind !== 'symbol' || token.text !== symbol) throw malformedQuery(`expected '${symbol}' near '${token.text}'`);
  }
  private field(): string {
    const token = this.next();
    if (token.kind !== 'word') throw malformedQuery(`expected a field name near '${token.text}'`);
    return token.text;
  }

  parse(): SoqlQuery {
    this.expectWord('SELECT');
    const fields: string[] = [];
    let count = false;
    for (;;) {
      if (this.isWord('COUNT') && this.tokens[this.i + 1]?.text === '(') {
        this.i += 1;
        this.expectSymbol('(');
        this.expectSymbol(')');
        count = true;
      } else {
        fields.push(this.field());
      }
      if (this.peek()?.text !== ',') break;
      this.i += 1;
    }
    this.expectWord('FROM');
    const from = this.field();
    const query: SoqlQuery = { fields, count, from, orderBy: [] };
    if (this.isWord('WHERE')) {
      this.i += 1;
      query.where = this.orExpr();
    }
    if (this.isWord('ORDER')) {
      this.i += 1;
      this.expectWord('BY');
      for (;;) {
        const field = this.field();
        let descending = false;
        if (this.isWord('ASC')) this.i += 1;
        else if (this.isWord('DESC')) {
          this.i += 1;
          descending = true;
        }
        let nullsLast = descending;
        if (this.isWord('NULLS')) {
          this.i += 1;
          nullsLast = this.isWord('LAST');
          this.i += 1;
        }
        query.orderBy.push({ field, descending, nullsLast });
        if (this.peek()?.text !== ',') break;
        this.i += 1;
      }
    }
    if (this.isWord('LIMIT')) {
      this.i += 1;
      query.limit = this.integer();
    }
    if (this.isWord('OFFSET')) {
      this.i += 1;
      query.offset = this.integer();
    }
    if (this.peek()) throw malformedQuery(`unexpected token '${this.peek()?.text}'`);
    return query;
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !Number.isInteger(token.value)) throw malformedQuery(`expected an integer near '${token.text}'`);
    return token.value as number;
  }

  private orExpr(): Condition {
    let left = this.andExpr();
    while (this.isWord('OR')) {
      this.i += 1;
      left = { kind: 'or', left, right: this.andExpr() };
    }
    return left;
  }

  private andExpr(): Condition {
    let left = this.unary();
    while (this.isWord('AND')) {
      this.i += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): Condition {
    if (this.isWord('NOT')) {
      this.i += 1;
      return { kind: 'not', inner: this.unary() };
    }
    if (this.peek()?.text === '(') {
      this.i += 1;
      const inner = this.orExpr();
      this.expectSymbol(')');
      return inner;
    }
    const field = this.field();
    if (this.isWord('IN') || (this.isWord('NOT') && this.isWord('IN', 1))) {
      const negated = this.isWord('NOT');
      this.i += negated ? 2 : 1;
      this.expectSymbol('(');
      const values: Literal[] = [];
      for (;;) {
        values.push(this.literal());
        const token = this.next();
        if (token.text === ')') break;
        if (token.text !== ',') throw malformedQuery(`expected ',' or ')' near '${token.text}'`);
      }
      return { kind: 'in', field, negated, values };
    }
    if (this.isWord('LIKE')) {
      this.i += 1;
      return { kind: 'compare', field, op: 'like', value: this.literal() };
    }
    const op = this.next();
    if (op.kind !== 'symbol' || !['=', '!=', '<', '>', '<=', '>='].includes(op.text)) throw malformedQuery(`expected an operator near '${op.text}'`);
    return { kind: 'compare', field, op: op.text as '=', value: this.literal() };
  }

  private literal(): Literal {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number' || token.kind === 'date') return token.value ?? null;
    if (token.kind === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
    }
    throw malformedQuery(`expected a value near '${token.text}'`);
  }
}

export const parseSoql = (soql: string): SoqlQuery => new Parser(tokenize(soql)).parse();

const comparable = (value: unknown, literal: Literal): [unknown, unknown] => {
  if (literal !== null && typeof literal === 'object') return [typeof value === 'string' ? dateMs(value) : value, literal.date];
  if (typeof literal === 'number') return [typeof value === 'string' ? Number(value) : value, literal];
  if (typeof literal === 'string' && typeof value === 'string') return [value.toLowerCase(), literal.toLowerCase()];
  return [value ?? null, literal];
};

const likeRegex = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.')}$`, 'is');

/** Whether a record matches the condition; `read` resolves a (possibly dotted) field path. */
export const matches = (condition: Condition, read: (path: string) => unknown): boolean => {
  switch (condition.kind) {
    case 'and':
      return matches(condition.left, read) && matches(condition.right, read);
    case 'or':
      return matches(condition.left, read) || matches(condition.right, read);
    case 'not':
      return !matches(condition.inner, read);
    case 'in': {
      const value = read(condition.field);
      const found = condition.values.some((literal) => {
        const [a, b] = comparable(value, literal);
        return a === b;
      });
      return condition.negated ? !found : found;
    }
    case 'compare': {
      const raw = read(condition.field);
      if (condition.op === 'like') return typeof raw === 'string' && typeof condition.value === 'string' && likeRegex(condition.value).test(raw);
      const [a, b] = comparable(raw, condition.value);
      if (condition.op === '=') return a === b;
      if (condition.op === '!=') return a !== b;
      if (a === null || b === null || a === undefined) return false;
      const x = a as number | string;
      const y = b as number | string;
      return condition.op === '<' ? x < y : condition.op === '>' ? x > y : condition.op === '<=' ? x <= y : x >= y;
    }
  }
};

/** Every field path a condition mentions, so unknown columns can be refused before running. */
export const conditionFields = (condition: Condition | undefined): string[] => {
  if (!condition) return [];
  switch (condition.kind) {
    case 'and':
    case 'or':
      return [...conditionFields(condition.left), ...conditionFields(condition.right)];
    case 'not':
      return conditionFields(condition.inner);
    default:
      return [condition.field];
  }
};
