import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * A small checker over the facade's OpenAPI document, enough for this contract: it matches a
 * request to an operation and validates JSON against the document's schemas ($ref, type, enum,
 * pattern, lengths, bounds, required, properties, additionalProperties: false, items).
 */
// The document is untyped YAML; the checker walks it defensively.
type Json = any;

export interface ContractOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Json }>;
  requestSchema: Json | undefined;
  responses: Record<string, { schema: Json | undefined; headers: Record<string, Json> }>;
}

export const FACADE_DOCUMENT_URL = new URL('../../openapi/sage100-facade.v1.yaml', import.meta.url);

/** Headers any HTTP client may add; only the contract's own headers are checked. */
const TRANSPORT_HEADERS = new Set(['accept', 'content-type', 'content-length', 'host', 'connection', 'user-agent', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'transfer-encoding', 'keep-alive']);

export class FacadeContract {
  readonly document: Json;
  readonly operations: ContractOperation[];
  /** Header names of the security schemes (lower case). */
  readonly securityHeaders: string[];

  constructor(yamlText: string) {
    this.document = parse(yamlText);
    this.securityHeaders = Object.values(this.document.components?.securitySchemes ?? {})
      .filter((scheme: Json) => scheme.type === 'apiKey' && scheme.in === 'header')
      .map((scheme: Json) => String(scheme.name).toLowerCase());
    this.operations = [];
    for (const [pathTemplate, item] of Object.entries<Json>(this.document.paths ?? {})) {
      const shared = (item.parameters ?? []).map((p: Json) => this.resolve(p));
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        const op = item[method];
        if (!op) continue;
        const own = (op.parameters ?? []).map((p: Json) => this.resolve(p));
        const responses: ContractOperation['responses'] = {};
        for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
          const resolved = this.resolve(response);
          responses[status] = { schema: resolved.content?.['application/json']?.schema, headers: resolved.headers ?? {} };
        }
        this.operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          pathTemplate,
          parameters: [...shared, ...own].map((p: Json) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema })),
          requestSchema: op.requestBody ? this.resolve(op.requestBody).content?.['application/json']?.schema : undefined,
          responses,
        });
      }
    }
  }

  static load(url: URL = FACADE_DOCUMENT_URL): FacadeContract {
    return new FacadeContract(readFileSync(url, 'utf8'));
  }

  /** Follows a local `$ref` (`#/components/...`). */
  resolve(node: Json): Json {
    let current = node;
    while (current && typeof current.$ref === 'string') {
      const ref: string = current.$ref;
      if (!ref.startsWith('#/')) throw new Error(`only local $ref are supported: ${ref}`);
      current = ref.slice(2).split('/').reduce((at: Json, key) => at?.[key], this.document);
      if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
    }
    return current;
  }

  schema(name: string): Json {
    return this.resolve({ $ref: `#/components/schemas/${name}` });
  }

  /**
   * The operation a request is for, and what in it the contract does not allow: unknown path,
   * method, query parameter or header, a missing required header, a parameter or body that does
   * not validate.
   */
  checkRequest(request: { method: string; url: string; headers: Record<string, string | undefined>; body?: unknown }): { operation?: ContractOperation; problems: string[] } {
    const url = new URL(request.url, 'http://contract');
    const found = this.match(request.method, url.pathname);
    if (!found) return { problems: [`no operation ${request.method} ${url.pathname}`] };
    const { operation, pathParams } = found;
    const problems: string[] = [];
    const headerNames = Object.keys(request.headers).map((h) => h.toLowerCase());
    const declaredHeaders = new Set([...operation.parameters.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()), ...this.securityHeaders]);
    for (const name of headerNames) if (!TRANSPORT_HEADERS.has(name) && !declaredHeaders.has(name)) problems.push(`header ${name} is not in the contract`);
    for (const name of declaredHeaders) if (!headerNames.includes(name)) problems.push(`header ${name} is missing`);
    for (const param of operation.parameters) {
      const value = param.in === 'path' ? pathParams[param.name] : param.in === 'query' ? url.searchParams.get(param.name) ?? undefined : request.headers[param.name.toLowerCase()];
      if (value === undefined) {
        if (param.required) problems.push(`${param.in} parameter ${param.name} is missing`);
        continue;
      }
      problems.push(...this.validate(param.schema, param.schema?.type === 'integer' ? Number(value) : value, `${param.in}.${param.name}`));
    }
    const queryNames = new Set(operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of url.searchParams.keys()) if (!queryNames.has(name)) problems.push(`query parameter ${name} is not in the contract`);
    if (operation.requestSchema) {
      if (request.body === undefined) problems.push('the request body is missing');
      else problems.push(...this.validate(operation.requestSchema, request.body, 'body'));
    } else if (request.body !== undefined) problems.push('the operation takes no body');
    return { operation, problems };
  }

  /** What in a reply the contract does not allow: an undeclared status, a missing header, a body that does not validate. */
  checkResponse(operation: ContractOperation, status: number, headers: Record<string, string | undefined>, body: unknown): string[] {
    const response = operation.responses[String(status)];
    if (!response) return [`${operation.operationId} does not declare HTTP ${status}`];
    const problems: string[] = [];
    for (const [name, header] of Object.entries<Json>(response.headers)) {
      if (header.required && headers[name.toLowerCase()] === undefined) problems.push(`${operation.operationId} ${status}: header ${name} is missing`);
    }
    if (response.schema) problems.push(...this.validate(response.schema, body, `${operation.operationId} ${status}`));
    return problems;
  }

  private match(method: string, pathname: string): { operation: ContractOperation; pathParams: Record<string, string> } | undefined {
    const segments = pathname.split('/').filter(Boolean);
    for (const operation of this.operations) {
      if (operation.method !== method.toUpperCase()) continue;
      const template = operation.pathTemplate.split('/').filter(Boolean);
      if (template.length !== segments.length) continue;
      const pathParams: Record<string, string> = {};
      const same = template.every((part, i) => {
        const capture = /^\{(\w+)\}$/.exec(part);
        if (capture) {
          pathParams[capture[1]!] = decodeURIComponent(segments[i]!);
          return true;
        }
        return part === segments[i];
      });
      if (same) return { operation, pathParams };
    }
    return undefined;
  }

  /** JSON Schema (the subset this document uses) → problems, each with its path. */
  validate(schemaNode: Json, value: unknown, at = '$'): string[] {
    const schema = this.resolve(schemaNode);
    if (!schema) return [];
    const problems: string[] = [];
    const types: string[] | undefined = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
    const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v);
    if (types) {
      const actual = typeOf(value);
      const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
      if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
    }
    if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
    if (typeof value === 'string') {
      if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
      if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at}: does not match ${schema.pattern}`);
    }
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
      if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
    }
    if (Array.isArray(value)) {
      if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.items) value.forEach((item, i) => problems.push(...this.validate(schema.items, item, `${at}[${i}]`)));
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined);
      if (schema.minProperties !== undefined && keys.length < schema.minProperties) problems.push(`${at}: fewer than ${schema.minProperties} properties`);
      for (const required of schema.required ?? []) if (!keys.includes(required)) problems.push(`${at}: ${required} is required`);
      for (const key of keys) {
        const property = schema.properties?.[key];
        if (property) problems.push(...this.validate(property, record[key], `${at}.${key}`));
        else if (schema.additionalProperties === false) problems.push(`${at}: ${key} is not in the contract`);
      }
    }
    return problems;
  }
}
