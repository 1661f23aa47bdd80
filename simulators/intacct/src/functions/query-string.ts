import type { ComparisonOperator, Filter } from './query-filter.js';

/**
 * readByQuery's SQL-like query language (external-apis §1.8.2): comparisons, like, in, IS NULL,
 * AND/OR/NOT and parentheses; string literals in single quotes with backslash escapes.
 */
type Token =
  | { type: 'word'; value: string }
  | { type: 'string'; value: string }
  | { type: 'number'; value: string }
  | { type: 'operator'; value: ComparisonOperator }
  | { type: 'punct'; value: '(' | ')' | ',' };

export class QuerySyntaxError extends Error {}

const tokenize = (query: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "'") {
      let value = '';
      i += 1;
      while (i < query.length && query[i] !== "'") {
        if (query[i] === '\\' && i + 1 < query.length) i += 1;
        value += query[i];
        i += 1;
      }
      if (i >= query.length) throw new QuerySyntaxError('Unterminated string literal');
      i += 1;
      tokens.push({ type: 'string', value });
    } else if ('(),'.includes(ch)) {
      tokens.push({ type: 'punct', value: ch as '(' | ')' | ',' });
      i += 1;
    } else {
      const operator = /^(<=|>=|<>|!=|=|<|>)/.exec(query.slice(i))?.[1];
      const number = /^-?\d+(\.\d+)?/.exec(query.slice(i))?.[0];
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i))?.[0];
      if (operator) {
        tokens.push({ type: 'operator', value: operator === '<>' ? '!=' : (operator as ComparisonOperator) });
        i += operator.length;
      } else if (number) {
        tokens.push({ type: 'number', value: number });
        i += number.length;
      } else if (word) {
        tokens.push({ type: 'word', value: word });
        i += word.length;
      } else {
        throw new QuerySyntaxError(`Unexpected character '${ch}' at position ${i}`);
      }
    }
  }
  return tokens;
};

const isKeyword = (token: Token | undefined, keyword: string) =>
  token?.type === 'word' && token.value.toUpperCase() === keyword;

class QueryParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Filter {
    if (this.tokens.length === 0) return { kind: 'all' };
    const filter = this.or();
    if (this.peek()) throw new QuerySyntaxError(`Unexpected '${this.peek()?.value}'`);
    return filter;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) throw new QuerySyntaxError('Unexpected end of query');
    this.position += 1;
    return token;
  }

  private or(): Filter {
    const filters = [this.and()];
    while (isKeyword(this.peek(), 'OR')) {
      this.position += 1;
      filters.push(this.and());
    }
    return filters.length === 1 && filters[0] ? filters[0] : { kind: 'or', filters };
  }

  private and(): Filter {
    const filters = [this.unary()];
    while (isKeyword(this.peek(), 'AND')) {
      this.position += 1;
      filters.push(this.unary());
    }
    return filters.length === 1 && filters[0] ? filters[0] : { kind: 'and', filters };
  }

  private unary(): Filter {
    if (isKeyword(this.peek(), 'NOT')) {
      this.position += 1;
      return { kind: 'not', filter: this.unary() };
    }
    const token = this.peek();
    if (token?.type === 'punct' && token.value === '(') {
      this.position += 1;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Filter {
    const fieldToken = this.next();
    if (fieldToken.type !== 'word') throw new QuerySyntaxError(`Expected a field name, got '${fieldToken.value}'`);
    const field = fieldToken.value.toUpperCase();
    const token = this.next();
    if (token.type === 'operator') return { kind: 'compare', field, operator: token.value, value: this.literal() };
    const negate = isKeyword(token, 'NOT');
    const keyword = negate ? this.next() : token;
    if (isKeyword(keyword, 'LIKE')) return { kind: 'like', field, pattern: this.literal(), negate };
    if (isKeyword(keyword, 'IN')) {
      this.expectPunct('(');
      const values = [this.literal()];
      while (this.peek()?.value === ',') {
        this.position += 1;
        values.push(this.literal());
      }
      this.expectPunct(')');
      return { kind: 'in', field, values, negate };
    }
    if (!negate && isKeyword(keyword, 'IS')) {
      const not = isKeyword(this.peek(), 'NOT');
      if (not) this.position += 1;
      if (!isKeyword(this.next(), 'NULL')) throw new QuerySyntaxError('Expected NULL after IS');
      return { kind: 'null', field, negate: not };
    }
    throw new QuerySyntaxError(`Unexpected '${keyword.value}' after ${field}`);
  }

  private literal(): string {
    const token = this.next();
    if (token.type !== 'string' && token.type !== 'number') throw new QuerySyntaxError(`Expected a value, got '${token.value}'`);
    return token.value;
  }

  private expectPunct(punct: '(' | ')') {
    const token = this.next();
    if (token.type !== 'punct' || token.value !== punct) throw new QuerySyntaxError(`Expected '${punct}'`);
  }
}

/** Parses a readByQuery `<query>`; an empty query selects everything. Throws QuerySyntaxError. */
export const parseQueryString = (query: string): Filter => new QueryParser(tokenize(query)).parse();
