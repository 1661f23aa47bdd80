import type { IntacctFunction } from './request-envelope.js';

/** A structured `query` (external-apis §1.8.3) with one `equalto` filter. Values need no quoting here. */
export interface EqualityQuery {
  object: string;
  fields: readonly string[];
  field: string;
  value: string;
  caseInsensitive: boolean;
  pageSize: number;
}

/** Key order below is the element order of `query`: object, select, filter, orderby, options, pagesize. */
export const queryFunction = (query: EqualityQuery, controlId: string): IntacctFunction => ({
  controlId,
  name: 'query',
  body: {
    query: {
      object: query.object,
      select: { field: [...query.fields] },
      filter: { equalto: { field: query.field, value: query.value } },
      options: query.caseInsensitive ? { caseinsensitive: 'true' } : undefined,
      pagesize: String(query.pageSize),
    },
  },
});
