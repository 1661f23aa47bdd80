import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { clarityOrderSample } from './clarity-order.fixture.js';
import { EXIT_BAD_ARGUMENTS, EXIT_BAD_FILE, EXIT_OK, runSuggestMappings, type CliIo } from './suggest-mappings.cli.js';

/** An in-memory file system and captured output. */
const fakeIo = (files: Record<string, string>) => {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = {
    exists: (path) => path in files,
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: (path, text) => {
      files[path] = text;
    },
    stdout: (text) => out.push(text),
    stderr: (text) => errors.push(text),
  };
  return { io, files, stdout: () => out.join(''), stderr: () => errors.join('') };
};

const order = JSON.stringify(clarityOrderSample, null, 2);

describe('suggest-mappings CLI', () => {
  it('prints a YAML draft for a comma list of targets', () => {
    const run = fakeIo({ 'order.json': order });
    const code = runSuggestMappings(['--sample', 'order.json', '--targets', 'TOTAL:number,CUSTVENDID,WHENCREATED:date:11/24/2026,ITEMID'], run.io);
    assert.equal(code, EXIT_OK);
    assert.deepEqual((parse(run.stdout()) as { fields: unknown }).fields, {
      TOTAL: 'totalAmount',
      CUSTVENDID: 'customerId',
      WHENCREATED: 'orderDate',
      ITEMID: 'lineItems[].sku',
    });
  });

  it('reads targets from a text or JSON file and writes --out', () => {
    const run = fakeIo({
      'order.json': order,
      'sodocument.txt': '# Intacct SODOCUMENT\nTOTAL:number:1,204.50\nCURRENCY\n',
      'sodocument.json': JSON.stringify(['QUANTITY', { name: 'PRICE', type: 'number' }]),
    });
    assert.equal(runSuggestMappings(['--sample', 'order.json', '--targets', 'sodocument.txt', '--out', 'draft.yaml'], run.io), EXIT_OK);
    assert.deepEqual(Object.keys((parse(run.files['draft.yaml'] ?? '') as { fields: object }).fields), ['TOTAL', 'CURRENCY']);
    assert.equal(run.stderr(), 'wrote draft.yaml: 2 of 2 targets have a candidate\n');
    assert.equal(runSuggestMappings(['--sample', 'order.json', '--targets', 'sodocument.json'], run.io), EXIT_OK);
    assert.match(run.stdout(), /QUANTITY: lineItems\[\]\.quantity\n[\s\S]*PRICE: lineItems\[\]\.unitPrice/);
  });

  it('shows usage, options and exit codes on --help', () => {
    const run = fakeIo({});
    assert.equal(runSuggestMappings(['--help'], run.io), EXIT_OK);
    for (const text of ['Usage: suggest-mappings', '--sample <file>', '--targets <list|file>', '--out <file>', 'NAME:type:example', 'Exit codes']) {
      assert.ok(run.stdout().includes(text), text);
    }
  });

  it('exits 2 on bad arguments and says which', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--targets', 'TOTAL'], /required option '--sample <file>' not specified/],
      [['--sample', 'order.json'], /required option '--targets <list\|file>' not specified/],
      [['--sample', 'order.json', '--targets', 'TOTAL', '--verbose'], /unknown option '--verbose'/],
      [['--sample', 'order.json', '--targets', 'TOTAL', 'extra'], /too many arguments/],
      [['--sample', 'order.json', '--targets', 'TOTAL:money'], /unknown type "money" for TOTAL/],
      [['--sample', 'order.json', '--targets', ' , '], /no target fields given/],
    ];
    for (const [argv, message] of cases) {
      const run = fakeIo({ 'order.json': order });
      assert.equal(runSuggestMappings(argv, run.io), EXIT_BAD_ARGUMENTS, argv.join(' '));
      assert.match(run.stderr(), message);
      assert.equal(run.stdout(), '');
    }
  });

  it('exits 1 with the file and the reason when a file is missing or wrong', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--sample', 'missing.json', '--targets', 'TOTAL'], /^error: cannot read sample file missing\.json: ENOENT/],
      [['--sample', 'truncated.json', '--targets', 'TOTAL'], /^error: truncated\.json is not valid JSON: /],
      [['--sample', 'orders.json', '--targets', 'TOTAL'], /^error: orders\.json must hold one JSON object \(a sample message\), found an array/],
      [['--sample', 'order.json', '--targets', 'sodocument.txt'], /^error: targets file sodocument\.txt does not exist/],
      [['--sample', 'order.json', '--targets', 'bad-targets.json'], /^error: bad-targets\.json is not a list of targets: 0\.type: /],
    ];
    for (const [argv, message] of cases) {
      const run = fakeIo({ 'order.json': order, 'truncated.json': order.slice(0, 200), 'orders.json': `[${order}]`, 'bad-targets.json': '[{"name":"TOTAL","type":"money"}]' });
      assert.equal(runSuggestMappings(argv, run.io), EXIT_BAD_FILE, argv.join(' '));
      assert.match(run.stderr(), message);
    }
  });

  it('sets the process exit code when run as a program', () => {
    const script = fileURLToPath(new URL('./suggest-mappings.cli.js', import.meta.url));
    const dir = mkdtempSync(join(tmpdir(), 'suggest-mappings-'));
    try {
      const sample = join(dir, 'order.json');
      writeFileSync(sample, order);
      const ok = spawnSync(process.execPath, [script, '--sample', sample, '--targets', 'TOTAL', '--out', join(dir, 'draft.yaml')], { encoding: 'utf8' });
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(readFileSync(join(dir, 'draft.yaml'), 'utf8'), /TOTAL: totalAmount/);
      assert.equal(spawnSync(process.execPath, [script, '--sample', sample], { encoding: 'utf8' }).status, 2);
      assert.equal(spawnSync(process.execPath, [script, '--sample', join(dir, 'none.json'), '--targets', 'TOTAL'], { encoding: 'utf8' }).status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
