#!/usr/bin/env node
// Generates TypeScript types from the Avro schemas under schemas/ (the source of truth), so the
// canonical types are never written twice. Output: libs/canonical-model/src/generated/*.ts.
//   node tools/generate-canonical-types.mjs           write the files
//   node tools/generate-canonical-types.mjs --check   exit 1 if a generated file is stale
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const schemasDir = join(root, 'schemas');
const outDir = join(root, 'libs/canonical-model/src/generated');
const check = process.argv.includes('--check');

const listSchemas = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listSchemas(join(dir, entry.name)) : entry.name.endsWith('.avsc') ? [join(dir, entry.name)] : []);

const primitive = { string: 'string', int: 'number', long: 'number', float: 'number', double: 'number', boolean: 'boolean', null: 'null', bytes: 'Buffer' };

/** Emits one interface per named record, in dependency order; returns the TS type of `schema`. */
function emitType(schema, out) {
  if (typeof schema === 'string') return primitive[schema] ?? schema.split('.').pop();
  if (Array.isArray(schema)) return schema.map((s) => emitType(s, out)).join(' | ');
  if (schema.logicalType === 'decimal') return 'DecimalString';
  if (schema.type === 'record') {
    const lines = [];
    if (schema.doc) lines.push(`/** ${schema.doc} */`);
    lines.push(`export interface ${schema.name} {`);
    for (const field of schema.fields) {
      if (field.doc) lines.push(`  /** ${field.doc} */`);
      lines.push(`  ${field.name}: ${emitType(field.type, out)};`);
    }
    lines.push('}');
    out.push(lines.join('\n'));
    return schema.name;
  }
  if (schema.type === 'array') return `Array<${emitType(schema.items, out)}>`;
  if (schema.type === 'map') return `Record<string, ${emitType(schema.values, out)}>`;
  if (schema.type === 'enum') {
    out.push(`export type ${schema.name} = ${schema.symbols.map((s) => `'${s}'`).join(' | ')};`);
    return schema.name;
  }
  if (schema.type === 'fixed') return 'Buffer';
  return emitType(schema.type, out);
}

let stale = false;
mkdirSync(outDir, { recursive: true });
for (const file of listSchemas(schemasDir)) {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  const declarations = [];
  emitType(schema, declarations);
  const constName = `${schema.name.charAt(0).toLowerCase()}${schema.name.slice(1)}Schema`;
  const text = [
    `// Generated from ${relative(root, file)} by tools/generate-canonical-types.mjs. Do not edit.`,
    ...(declarations.join('\n').includes('DecimalString') ? [`import type { DecimalString } from '../decimal-string.js';`, ''] : []),
    declarations.join('\n\n'),
    '',
    `/** The Avro schema, verbatim. */`,
    `export const ${constName} = ${JSON.stringify(schema, null, 2)} as const;`,
    '',
  ].join('\n');
  const target = join(outDir, basename(file).replace(/\.avsc$/, '.ts').replace(/^/, `${relative(schemasDir, join(file, '..')).replace(/[\\/]/g, '-')}-`));
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    stale = true;
    if (!check) writeFileSync(target, text);
    console.log(`${check ? 'stale' : 'wrote'} ${relative(root, target)}`);
  }
}
if (check && stale) { console.error('generated canonical types are stale: run `npm run generate`'); process.exit(1); }
