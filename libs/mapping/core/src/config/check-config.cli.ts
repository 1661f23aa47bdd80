#!/usr/bin/env node
// `make check-config`: validates every mapping file under config/mappings (or the paths given).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { describeConfigProblems, parseMappingConfig } from './load-mapping-config.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('usage: check-config [file-or-directory ...]\n  validates mapping files (YAML) against the mapping schema; default: config/mappings');
  process.exit(0);
}
const targets = positionals.length > 0 ? positionals : ['config/mappings'];
const files = targets.flatMap((target) => {
  try {
    return statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(target, f))
      : [target];
  } catch {
    console.error(`${target}: no such file or directory`);
    process.exit(2);
  }
});
if (files.length === 0) { console.error(`no mapping files in ${targets.join(', ')}`); process.exit(2); }
let bad = 0;
for (const file of files) {
  const result = parseMappingConfig(readFileSync(file, 'utf8'), file);
  if (result.ok) console.log(`ok    ${file}`);
  else { bad++; console.error(`FAIL  ${describeConfigProblems(result.error)}`); }
}
process.exit(bad > 0 ? 1 : 0);
