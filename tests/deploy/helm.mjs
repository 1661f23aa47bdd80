// Lints and renders the Helm chart with helm-java (Helm's own Go code, from Maven Central; there is
// no helm binary on our machines). All jobs run in one JVM (infra/helm/HelmCheck.java); this module
// prepares the jobs, runs them, and parses the results.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse, stringify } from 'yaml';

export const root = resolve(import.meta.dirname, '../..');
export const chartDir = join(root, 'deploy/helm/tributary');
export const valuesFiles = ['values.yaml', 'values-dev.yaml', 'values-qa.yaml', 'values-prod.yaml'];

/** Helm's values merge: maps merge, everything else (lists, scalars) replaces; null deletes. */
export const mergeValues = (base, over) => {
  const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isMap(base) || !isMap(over)) return over;
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === null) delete out[key];
    else out[key] = isMap(out[key]) && isMap(value) ? mergeValues(out[key], value) : value;
  }
  return out;
};

export const readValues = (file) => parse(readFileSync(join(chartDir, file), 'utf8')) ?? {};

/** A copy of the chart in a temporary dir (to lint with other values, or with a changed file). */
const copyChart = (work, name, edit) => {
  const dir = join(work, name, 'tributary');
  cpSync(chartDir, dir, { recursive: true });
  edit(dir);
  return dir;
};

const runJava = (libs, jobsFile) => {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin/java') : 'java';
  execFileSync(java, ['-cp', `${libs}/*`, join(root, 'infra/helm/HelmCheck.java'), jobsFile], {
    cwd: root, stdio: ['ignore', 'inherit', 'pipe'], timeout: 120_000,
  });
};

/**
 * Runs everything once. `extra` = [{ name, values (object, layered on values.yaml), editChart(dir) }]
 * renders more variants. Returns { lint: {file: {ok, messages}}, rendered: {name: {objects, text} | {error}} }.
 */
export const lintAndRender = (extra = []) => {
  const libs = execFileSync(join(root, 'infra/helm/fetch.sh'), { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 300_000 }).trim();
  const work = mkdtempSync(join(tmpdir(), 'tributary-helm-'));
  const jobs = [];
  const lintOut = {};
  const renderOut = {};
  const defaults = readValues('values.yaml');
  for (const file of valuesFiles) {
    // helm lint here has no --values: lint a copy whose values.yaml is the merged result instead.
    const dir = file === 'values.yaml' ? chartDir : copyChart(work, `lint-${file}`, (d) => {
      writeFileSync(join(d, 'values.yaml'), stringify(mergeValues(defaults, readValues(file))));
    });
    lintOut[file] = join(work, `lint-${file}.txt`);
    jobs.push(['lint', dir, lintOut[file]]);
    renderOut[file] = join(work, `render-${file}`);
    jobs.push(['template', chartDir, file === 'values.yaml' ? '-' : join(chartDir, file), renderOut[file]]);
  }
  for (const variant of extra) {
    const dir = variant.editChart ? copyChart(work, variant.name, variant.editChart) : chartDir;
    let valuesFile = '-';
    if (variant.values) {
      valuesFile = join(work, `${variant.name}.values.yaml`);
      writeFileSync(valuesFile, stringify(variant.values));
    }
    renderOut[variant.name] = join(work, `render-${variant.name}.yaml`);
    jobs.push(['template', dir, valuesFile, renderOut[variant.name]]);
  }
  const jobsFile = join(work, 'jobs.tsv');
  writeFileSync(jobsFile, jobs.map((job) => job.join('\t')).join('\n') + '\n');
  try {
    runJava(libs, jobsFile);
    return readResults(lintOut, renderOut);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

const readResults = (lintOut, renderOut) => {
  const lint = {};
  for (const [file, out] of Object.entries(lintOut)) {
    const [status, ...messages] = readFileSync(out, 'utf8').trim().split('\n');
    lint[file] = { ok: status === 'ok', messages };
  }
  const rendered = {};
  for (const [name, out] of Object.entries(renderOut)) {
    if (existsSync(`${out}.error`)) {
      rendered[name] = { error: readFileSync(`${out}.error`, 'utf8') };
      continue;
    }
    const text = readFileSync(out, 'utf8');
    const docs = parseAllDocuments(text);
    const errors = docs.flatMap((doc) => doc.errors.map((e) => e.message));
    const objects = docs.map((doc) => doc.toJS()).filter((o) => o !== null && o !== undefined);
    rendered[name] = { text, objects, yamlErrors: errors };
  }
  return { lint, rendered };
};
