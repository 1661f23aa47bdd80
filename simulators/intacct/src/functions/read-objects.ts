import { gatewayError, type GatewayError } from '../gateway/gateway-errors.js';
import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import type { FunctionContext, FunctionHandler, FunctionOutcome } from './function-handler.js';
import { fieldsOf, matches, type ComparisonOperator, type Filter, type Row } from './query-filter.js';
import { parseQueryString, QuerySyntaxError } from './query-string.js';
import { READABLE_OBJECTS, type ReadableObject } from './readable-objects.js';

/** The object named in `<object>`, or the Query Failed outcome for one the simulator does not have. */
const readableObject = (verb: XmlElement): { name: string; object: ReadableObject } | FunctionOutcome => {
  const name = (childText(verb, 'object') ?? '').toUpperCase();
  const object = READABLE_OBJECTS[name];
  return object
    ? { name, object }
    : queryFailed(`The simulator has no object ${name || '(none)'}; only ${Object.keys(READABLE_OBJECTS).join(', ')}.`);
};

const queryFailed = (description2: string): FunctionOutcome => ({
  ok: false,
  errors: [gatewayError('Query Failed', '', description2)],
});

const rowXml = (tag: string, row: Row, fields: readonly string[]): string =>
  element(tag, fields.map((field) => leaf(field, row[field] ?? '')));

/** Fields to return; `*` or none means all. An error when one is unknown. */
const selectFields = (name: string, object: ReadableObject, requested: string[]): string[] | GatewayError => {
  const fields = requested.map((f) => f.trim().toUpperCase()).filter(Boolean);
  if (fields.length === 0 || fields.includes('*')) return [...object.fields];
  const unknown = fields.find((f) => !object.fields.includes(f));
  return unknown ? gatewayError('Query Failed', '', `Invalid field ${unknown} for object ${name}.`) : fields;
};

const selectRows = (
  context: FunctionContext,
  name: string,
  object: ReadableObject,
  filter: Filter,
  caseInsensitive: boolean,
): Row[] | GatewayError => {
  const unknown = fieldsOf(filter).find((f) => !object.fields.includes(f));
  if (unknown) return gatewayError('Query Failed', '', `Invalid field ${unknown} in query for object ${name}.`);
  return object.rows(context).filter((row) => matches(filter, row, caseInsensitive));
};

const pageSizeOf = (text: string | undefined, fallback: number, max: number): number => {
  const size = Number(text);
  return Number.isInteger(size) && size > 0 ? Math.min(size, max) : fallback;
};

/** readByQuery page: lowercase object tags and a resultId when rows remain (external-apis §1.8.2). */
const readByQueryData = (listType: string, page: Row[], fields: readonly string[], total: number, remaining: number, resultId: string) =>
  element(
    'data',
    page.map((row) => rowXml(listType, row, fields)),
    { listtype: listType, count: page.length, totalcount: total, numremaining: remaining, resultId },
  );

/** readByQuery on the objects of READABLE_OBJECTS. */
export const readByQuery: FunctionHandler = {
  run: (verb, context) => {
    const target = readableObject(verb);
    if ('ok' in target) return target;
    const fields = selectFields(target.name, target.object, (childText(verb, 'fields') ?? '*').split(','));
    if (!Array.isArray(fields)) return { ok: false, errors: [fields] };
    let filter: Filter;
    try {
      filter = parseQueryString(childText(verb, 'query') ?? '');
    } catch (error) {
      if (error instanceof QuerySyntaxError) return queryFailed(`Invalid query: ${error.message}`);
      throw error;
    }
    const rows = selectRows(context, target.name, target.object, filter, false);
    if (!Array.isArray(rows)) return { ok: false, errors: [rows] };

    const listType = target.name.toLowerCase();
    const pageSize = pageSizeOf(childText(verb, 'pagesize'), 100, 1000);
    const page = rows.slice(0, pageSize);
    const rest = rows.slice(pageSize);
    const resultId = rest.length > 0 ? context.resultSets.keep(context.companyId, listType, fields, pageSize, rest) : '';
    return { ok: true, data: readByQueryData(listType, page, fields, rows.length, rest.length, resultId) };
  },
};

/** readMore by resultId, continuing a readByQuery. */
export const readMore: FunctionHandler = {
  run: (verb, context) => {
    const resultId = childText(verb, 'resultId') ?? '';
    const next = context.resultSets.take(context.companyId, resultId);
    if (!next) return queryFailed(`Unknown or exhausted resultId '${resultId}'.`);
    return {
      ok: true,
      data: readByQueryData(next.listType, next.page, next.fields, next.page.length + next.remaining, next.remaining, next.remaining > 0 ? resultId : ''),
    };
  },
};

const COMPARISONS: Readonly<Record<string, ComparisonOperator>> = {
  equalto: '=',
  notequalto: '!=',
  lessthan: '<',
  lessthanorequalto: '<=',
  greaterthan: '>',
  greaterthanorequalto: '>=',
};

/** query's `<filter>` element (external-apis §1.8.3) as a Filter; a string is the reason it is not one. */
const filterOf = (node: XmlElement): Filter | string => {
  const field = (childText(node, 'field') ?? '').toUpperCase();
  const values = childrenNamed(node, 'value').map((v) => v.text);
  const comparison = COMPARISONS[node.name];
  if (comparison) return { kind: 'compare', field, operator: comparison, value: values[0] ?? '' };
  switch (node.name) {
    case 'and':
    case 'or': {
      const filters = node.children.map(filterOf);
      const bad = filters.find((f) => typeof f === 'string');
      return typeof bad === 'string' ? bad : { kind: node.name, filters: filters as Filter[] };
    }
    case 'like':
    case 'notlike':
      return { kind: 'like', field, pattern: values[0] ?? '', negate: node.name === 'notlike' };
    case 'in':
    case 'notin':
      return { kind: 'in', field, values, negate: node.name === 'notin' };
    case 'isnull':
    case 'isnotnull':
      return { kind: 'null', field, negate: node.name === 'isnotnull' };
    case 'between':
      return {
        kind: 'and',
        filters: [
          { kind: 'compare', field, operator: '>=', value: values[0] ?? '' },
          { kind: 'compare', field, operator: '<=', value: values[1] ?? '' },
        ],
      };
    default:
      return `Unsupported filter operator <${node.name}>.`;
  }
};

const orderRows = (rows: Row[], orderBy: XmlElement | undefined): Row[] => {
  const orders = orderBy ? childrenNamed(orderBy, 'order') : [];
  const numeric = (value: string) => (/^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);
  return [...rows].sort((a, b) => {
    for (const order of orders) {
      const field = (childText(order, 'field') ?? '').toUpperCase();
      const direction = child(order, 'descending') ? -1 : 1;
      const [x, y] = [a[field] ?? '', b[field] ?? ''];
      const [nx, ny] = [numeric(x), numeric(y)];
      const comparison = nx !== undefined && ny !== undefined ? nx - ny : x.localeCompare(y);
      if (comparison !== 0) return comparison * direction;
    }
    return 0;
  });
};

/** The structured query function on the objects of READABLE_OBJECTS, XML return format only. */
export const query: FunctionHandler = {
  run: (verb, context) => {
    const target = readableObject(verb);
    if ('ok' in target) return target;
    const fields = selectFields(target.name, target.object, childrenNamed(child(verb, 'select') ?? verb, 'field').map((f) => f.text));
    if (!Array.isArray(fields)) return { ok: false, errors: [fields] };
    const filterElement = child(verb, 'filter')?.children[0];
    const filter = filterElement ? filterOf(filterElement) : { kind: 'all' as const };
    if (typeof filter === 'string') return queryFailed(filter);
    const options = child(verb, 'options');
    const caseInsensitive = options ? childText(options, 'caseinsensitive') === 'true' : false;
    const rows = selectRows(context, target.name, target.object, filter, caseInsensitive);
    if (!Array.isArray(rows)) return { ok: false, errors: [rows] };

    const ordered = orderRows(rows, child(verb, 'orderby'));
    const pageSize = pageSizeOf(childText(verb, 'pagesize'), 100, 2000);
    const offset = Math.max(0, Number(childText(verb, 'offset') ?? 0) || 0);
    const page = ordered.slice(offset, offset + pageSize);
    return {
      ok: true,
      data: element(
        'data',
        page.map((row) => rowXml(target.name, row, fields)),
        { listtype: target.name, totalcount: ordered.length, offset, count: page.length, numremaining: Math.max(0, ordered.length - offset - page.length) },
      ),
    };
  },
};
