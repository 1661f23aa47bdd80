// Shared helpers for `make bench`: processes, the Intacct simulator, signing, statistics, tables, results.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(root, 'bench/results');
export const num = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? fallback : Number(process.env[name]));
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const WEBHOOK_SECRET = 'whsec_bench_current';
export const SIM = { senderId: 'tributary-sim', senderPassword: 'sim-sender-pass', companyId: 'TRIBUTARY-DEMO', userId: 'ws_user', password: 'ws-pass' };

export const machine = () => {
  const cpus = os.cpus();
  let kafka = 'local Kafka 4.4 (KRaft, one broker) + Apicurio registry on the same machine';
  return {
    cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`, node: process.version, kafka, date: new Date().toISOString(),
  };
};

export const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

export const sign = (body, t = Math.floor(Date.now() / 1000), secret = WEBHOOK_SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex')}`;

export const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]);
export const stats = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
};
export const round = (n, d = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** d) / 10 ** d : n);

export const table = (title, rows) => {
  const cols = Object.keys(rows[0] ?? {});
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(width[i])).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(cols));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
};

export const writeResult = (name, data) => {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ scenario: name, machine: machine(), ...data }, null, 2));
  return file;
};

/** RSS (MB) and CPU seconds (user+sys) of a process, from /proc. */
export const procStats = (pid) => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(stat[11]) + Number(stat[12]);
    return { rssMb: rssKb / 1024, cpuS: ticks / 100 };
  } catch { return { rssMb: NaN, cpuS: NaN }; }
};

const children = new Set();
process.on('exit', () => { for (const c of children) try { c.kill('SIGKILL'); } catch {} });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

/** Starts a node process; resolves once `ready` (a probe) is true. */
export const startProcess = async (name, script, env, { ready, timeoutMs = 60_000, args = [] } = {}) => {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let tail = '';
  const keep = (c) => { tail = (tail + c.toString()).slice(-4000); };
  child.stdout.on('data', keep); child.stderr.on('data', keep);
  child.on('exit', () => children.delete(child));
  const deadline = Date.now() + timeoutMs;
  while (ready && !(await ready().catch(() => false))) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${tail}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready after ${timeoutMs} ms: ${tail}`);
    await sleep(200);
  }
  return { name, child, pid: child.pid, tail: () => tail, stop: async () => { child.kill('SIGTERM'); for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100); if (child.exitCode === null) child.kill('SIGKILL'); } };
};

export const httpOk = (url, init) => async () => { const r = await fetch(url, init); await r.arrayBuffer(); return r.status < 500 || r.status === 503 ? r.status : false; };

/** The Intacct simulator as its own process; admin API for documents, stats and faults. */
export const startSimulator = async ({ maxConcurrent = 2 } = {}) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess('intacct-simulator', join(root, 'simulators/intacct/dist/main.js'), {
    INTACCT_SIM_PORT: String(port), INTACCT_SIM_HOST: '127.0.0.1', INTACCT_SIM_MAX_CONCURRENT: String(maxConcurrent), INTACCT_SIM_SEED: '1',
  }, { ready: async () => (await fetch(`${url}/_sim/stats`)).ok });
  const admin = async (method, path, body) => {
    const r = await fetch(`${url}/_sim${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
    return r.status === 204 ? undefined : r.json();
  };
  return { ...proc, url: `${url}/ia/xml/xmlgw.phtml`, documents: () => admin('GET', '/documents'), stats: () => admin('GET', '/stats'), setFaults: (plan) => admin('POST', '/faults', plan), reset: () => admin('POST', '/reset') };
};

/** A mapping file like the shipped default, with the anomaly review off (it would hold bench orders for a human). */
export const benchMappingFile = () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-mapping-'));
  const file = join(dir, 'mapping.yaml');
  writeFileSync(file, readFileSync(join(root, 'config/mappings/default.yaml'), 'utf8').replace('anomaly: { enabled: true', 'anomaly: { enabled: false'));
  return file;
};

export const serviceEnv = (extra = {}) => ({
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:8081/apis/ccompat/v7',
  TOPIC_PREFIX: `bench${Date.now().toString(36)}${randomBytes(2).toString('hex')}.`,
  LOG_LEVEL: 'warn', OPS_PORT: '0', OPS_HOST: '127.0.0.1',
  ...extra,
});

export const startIngress = async (env) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/webhooks/clarity`;
  const proc = await startProcess('clarity-ingress', join(root, 'apps/clarity-ingress/dist/main.js'), {
    ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', CLARITY_WEBHOOK_SECRETS: WEBHOOK_SECRET, WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000',
  }, { ready: async () => (await fetch(url, { method: 'POST', body: '{}' })).status === 401 });
  return { ...proc, url };
};

export const startSink = (env, sim, extra = {}) => startProcess('intacct-sink', join(root, 'apps/intacct-sink/dist/main.js'), {
  ...env, MAPPING_FILE: benchMappingFile(), INTACCT_ENDPOINT_URL: sim.url, INTACCT_SENDER_ID: SIM.senderId, INTACCT_SENDER_PASSWORD: SIM.senderPassword,
  INTACCT_COMPANY_ID: SIM.companyId, INTACCT_USER_ID: SIM.userId, INTACCT_USER_PASSWORD: SIM.password, ...extra,
});

/** A simulator's admin API (`/_sim/...`): JSON in and out, any 4xx/5xx thrown with its body. */
const simulatorAdmin = (url, name) => async (method, path, body) => {
  const r = await fetch(`${url}/_sim${path}`, { method, ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
  if (r.status >= 400) throw new Error(`${name} simulator ${method} ${path}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? undefined : r.json();
};

/** The Sage 100 facade simulator as its own process (companies ABC and CAN), with its admin API. */
export const SAGE100_KEY = 'sage100-bench-key';
export const startSage100Sim = async ({ maxConcurrent = 4 } = {}) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess('sage100-simulator', join(root, 'simulators/sage100/dist/main.js'), {
    SAGE100_SIM_PORT: String(port), SAGE100_SIM_HOST: '127.0.0.1', SAGE100_SIM_API_KEYS: SAGE100_KEY, SAGE100_SIM_COMPANIES: 'ABC,CAN',
    SAGE100_SIM_MAX_CONCURRENT: String(maxConcurrent), SAGE100_SIM_SEED: '1',
  }, { ready: async () => (await fetch(`${url}/_sim/stats`)).ok });
  const admin = simulatorAdmin(url, 'sage100');
  return {
    ...proc, url, seed: (s) => admin('POST', '/seed', s), setFaults: (plan) => admin('POST', '/faults', plan), stats: () => admin('GET', '/stats'),
    /** Sales orders, open and history, of every company. */
    salesOrders: async () => [...(await admin('GET', '/orders')), ...(await admin('GET', '/history'))],
  };
};

/** The Salesforce org simulator as its own process, with its admin API. */
export const SALESFORCE_CLIENT = { clientId: 'tributary-bench', clientSecret: 'bench-secret' };
export const startSalesforceSim = async ({ dailyLimit = 100_000_000 } = {}) => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await startProcess('salesforce-simulator', join(root, 'simulators/salesforce/dist/main.js'), {
    SALESFORCE_SIM_PORT: String(port), SALESFORCE_SIM_HOST: '127.0.0.1', SALESFORCE_SIM_CLIENT_ID: SALESFORCE_CLIENT.clientId,
    SALESFORCE_SIM_CLIENT_SECRET: SALESFORCE_CLIENT.clientSecret, SALESFORCE_SIM_DAILY_API_LIMIT: String(dailyLimit), SALESFORCE_SIM_SEED: '1',
  }, { ready: async () => (await fetch(`${url}/_sim/info`)).ok });
  const admin = simulatorAdmin(url, 'salesforce');
  return {
    ...proc, url, info: () => admin('GET', '/info'), apiUsage: () => admin('GET', '/api-usage'), records: (type) => admin('GET', `/records/${type}`),
    seedRecord: async (type, fields) => (await admin('POST', `/seed/${type}`, { fields })).id,
  };
};

/**
 * Kafka access under a service env's topic prefix: provision topics, produce canonical events
 * (Avro through the registry, as the services do), read a topic, and see whether a group caught up.
 */
export const benchBus = async (env) => {
  const { createKafkaClient, provisionTopics, withPrefix, AvroEventCodec, IsolatedDecoder, SchemaRegistryClient, readTopicToEnd, retryKafka } = await import('@tributary/kafka-runtime');
  const { createLogger } = await import('@tributary/observability');
  const kafka = createKafkaClient({ brokers: env.KAFKA_BROKERS.split(','), clientId: 'bench', logger: createLogger('bench', 'silent') });
  const admin = kafka.admin(); await admin.connect();
  const decoder = new IsolatedDecoder();
  const registry = new SchemaRegistryClient(env.SCHEMA_REGISTRY_URL);
  const codecs = new Map();
  const topic = (name) => `${env.TOPIC_PREFIX}${name}`;
  const codec = async (spec) => {
    if (!codecs.has(spec.name)) codecs.set(spec.name, await AvroEventCodec.create({ registry, decoder, subject: `${topic(spec.name)}-value`, schema: spec.valueSchema }));
    return codecs.get(spec.name);
  };
  let producer;
  return {
    topic,
    provision: (specs) => provisionTopics(admin, specs.map((s) => withPrefix(s, env.TOPIC_PREFIX))),
    /** Produces in chunks of 500 (acks=all). */
    send: async (spec, messages) => {
      if (!producer) { producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }); await producer.connect(); }
      const c = await codec(spec);
      for (let i = 0; i < messages.length; i += 500) {
        await producer.send({ topic: topic(spec.name), acks: -1, messages: messages.slice(i, i + 500).map(({ key, value }) => ({ key, value: c.encode(value) })) });
      }
    },
    /** Every message of a topic, decoded, with its Kafka timestamp. */
    read: async (spec) => {
      const raw = [];
      await readTopicToEnd(kafka, topic(spec.name), (m) => raw.push({ key: m.key?.toString() ?? '', value: m.value, timestamp: Number(m.timestamp) }));
      const c = await codec(spec);
      const decoded = await c.decodeMany(raw.map((r) => r.value));
      return raw.map((r, i) => ({ key: r.key, timestamp: r.timestamp, value: decoded[i]?.ok ? decoded[i].value : undefined }));
    },
    caughtUp: async (group, name) => {
      const [ends, committed] = await Promise.all([
        retryKafka(() => admin.fetchTopicOffsets(topic(name))),
        retryKafka(() => admin.fetchOffsets({ groupId: `${env.TOPIC_PREFIX}${group}`, topics: [topic(name)] })),
      ]);
      const byPartition = new Map(committed[0].partitions.map((p) => [p.partition, BigInt(p.offset)]));
      return ends.every((end) => BigInt(end.high) === 0n || (byPartition.get(end.partition) ?? -1n) >= BigInt(end.high));
    },
    close: async () => { await producer?.disconnect(); await admin.disconnect(); await decoder.close(); },
  };
};

export const startSage100Sink = (env, sim, extra = {}) => startProcess('sage100-sink', join(root, 'apps/sage100-sink/dist/main.js'), {
  ...env, MAPPING_FILE: benchMappingFile(), SAGE100_API_URL: sim.url, SAGE100_API_KEY: SAGE100_KEY, SAGE100_COMPANY_CODE: 'ABC', ...extra,
});

export const startSalesforceSink = (env, sim, extra = {}) => startProcess('salesforce-sink', join(root, 'apps/salesforce-sink/dist/main.js'), {
  ...env, MAPPING_FILE: benchMappingFile(), SALESFORCE_LOGIN_URL: sim.url, SALESFORCE_CLIENT_ID: SALESFORCE_CLIENT.clientId,
  SALESFORCE_CLIENT_SECRET: SALESFORCE_CLIENT.clientSecret, ...extra,
});
