// docker-compose.yml and the Dockerfile cannot run here (no Docker engine): check what can be
// checked without one — the compose file parses, names every app (except the CLI) built from the
// Dockerfile with its SERVICE, runs only simulators that exist; the Dockerfile is multi-stage,
// non-root, and takes the SERVICE argument.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const apps = readdirSync(join(root, 'apps'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'tributary-cli' && existsSync(join(root, 'apps', d.name, 'package.json')))
  .map((d) => d.name);
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const instructions = dockerfile.split('\n').filter((line) => /^[A-Z]+\s/.test(line));

test('docker-compose.yml runs Kafka (KRaft) and the Apicurio registry', () => {
  assert.match(compose.services.kafka.image, /^apache\/kafka:/);
  assert.equal(compose.services.kafka.environment.KAFKA_PROCESS_ROLES, 'broker,controller');
  assert.match(compose.services.registry.image, /^apicurio\/apicurio-registry:/);
});

test('docker-compose.yml runs every app in apps/ (except the CLI), built from the Dockerfile', () => {
  for (const app of apps) {
    const service = compose.services[app];
    assert.ok(service, `docker-compose.yml has no service ${app}`);
    assert.equal(service.build?.context, '.', `${app}: built from the repository's Dockerfile`);
    assert.equal(service.build?.args?.SERVICE, app, `${app}: --build-arg SERVICE=${app}`);
    assert.equal(service.environment.KAFKA_BROKERS, 'kafka:19092', `${app}: reaches Kafka inside the compose network`);
    assert.ok(service.environment.SCHEMA_REGISTRY_URL.startsWith('http://registry:'), `${app}: the registry`);
  }
});

test('docker-compose.yml runs the simulators, and only ones that exist', () => {
  const commands = Object.values(compose.services).map((s) => s.command).filter(Array.isArray);
  const simulators = commands.map((c) => c.find((a) => /^simulators\/[^/]+\/dist\/main\.js$/.test(a))).filter(Boolean);
  assert.ok(simulators.includes('simulators/intacct/dist/main.js') && simulators.includes('simulators/clarity/dist/main.js'));
  for (const path of simulators) {
    assert.ok(existsSync(join(root, path.replace('/dist/main.js', '/src/main.ts'))), `${path} has no source`);
  }
});

test('the Dockerfile: multi-stage from node:24-slim, npm ci + tsc -b, production dependencies only', () => {
  assert.match(dockerfile, /^ARG NODE_IMAGE=node:24-slim$/m);
  assert.ok(instructions.filter((l) => l.startsWith('FROM ')).length >= 2, 'multi-stage');
  assert.match(dockerfile, /RUN npm ci/);
  assert.match(dockerfile, /tsc -b/);
  assert.match(dockerfile, /npm prune --omit=dev/);
});

test('the Dockerfile: SERVICE argument chooses the app; the final user is not root', () => {
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  assert.match(runtime, /^ARG SERVICE$/m);
  assert.match(runtime, /apps\/\$SERVICE\/dist\/main\.js/);
  const users = instructions.filter((l) => l.startsWith('USER '));
  assert.ok(users.length > 0, 'a USER instruction');
  const last = users.at(-1).slice(5).trim().split(':')[0];
  assert.ok(!['root', '0'].includes(last), `USER ${last} is root`);
});

test('.dockerignore keeps build output and local state out of the context', () => {
  const ignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
  for (const entry of ['**/node_modules', '**/dist', '.local', '.git']) assert.ok(ignore.includes(entry), entry);
});
