#!/usr/bin/env node
// Waits until the local stack is really usable, not merely listening:
//   kafka:    an admin client connects, topic __tributary_readiness (1 partition) exists, and a
//             consumer with a throwaway group id gets a GROUP_JOIN (the group coordinator has
//             loaded; right after start it answers "coordinator is loading" for a while);
//   registry: GET /apis/ccompat/v7/subjects answers 200.
//
// usage: node infra/local/wait-ready.mjs [kafka] [registry] [--timeout SECONDS]
//          [--kafka-pid PID] [--registry-pid PID] [--kafka-since EPOCH_MS] [--registry-since EPOCH_MS]
// No component named: both. Env: KAFKA_PORT (9092), KAFKA_BROKERS (127.0.0.1:$KAFKA_PORT),
// REGISTRY_PORT (8081), REGISTRY_URL (http://127.0.0.1:$REGISTRY_PORT), WAIT_TIMEOUT (90).
// --*-pid: give up on that component as soon as the process exits. --*-since: measure the
// "ready in" time from then (when stack.sh launched the process) instead of from now.
// Exit code: 0 ready; bit 1 set = kafka not ready, bit 2 set = registry not ready; 64 bad usage.
import { parseArgs } from 'node:util';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

// kafkajs 2.2.4 on Node >= 24 sets a negative timeout on every connect (kafkajs issue 1751):
// harmless, but Node prints a TimeoutNegativeWarning each time. Drop just that warning.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (w.name !== 'TimeoutNegativeWarning') process.stderr.write(`${w.name}: ${w.message}\n`);
});

const READINESS_TOPIC = '__tributary_readiness';

let opts;
try {
  opts = parseArgs({
    allowPositionals: true,
    options: {
      timeout: { type: 'string' },
      'kafka-pid': { type: 'string' },
      'registry-pid': { type: 'string' },
      'kafka-since': { type: 'string' },
      'registry-since': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (e) {
  process.stderr.write(`wait-ready: ${e.message}\n`);
  process.exit(64);
}
if (opts.values.help) {
  process.stdout.write('usage: node infra/local/wait-ready.mjs [kafka] [registry] [--timeout SECONDS] [--kafka-pid PID] [--registry-pid PID]\n');
  process.exit(0);
}
const unknown = opts.positionals.filter((p) => p !== 'kafka' && p !== 'registry');
if (unknown.length) {
  process.stderr.write(`wait-ready: unknown component(s): ${unknown.join(', ')} (expected kafka, registry)\n`);
  process.exit(64);
}
const components = opts.positionals.length ? new Set(opts.positionals) : new Set(['kafka', 'registry']);
const timeoutSec = Number(opts.values.timeout ?? process.env.WAIT_TIMEOUT ?? 90);
if (!(timeoutSec > 0)) {
  process.stderr.write('wait-ready: --timeout must be a positive number of seconds\n');
  process.exit(64);
}
const start = Date.now();
const deadline = start + timeoutSec * 1000;
const brokers = (process.env.KAFKA_BROKERS ?? `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`).split(',');
const registryUrl = (process.env.REGISTRY_URL ?? `http://127.0.0.1:${process.env.REGISTRY_PORT ?? 8081}`).replace(/\/$/, '');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alive = (pid) => {
  if (!pid) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};
class ProcessExited extends Error {}
const checkAlive = (name, pid) => {
  if (!alive(pid)) throw new ProcessExited(`${name} process (pid ${pid}) exited`);
};
const describe = (e) => (e ? `${e.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e.message ?? e}` : 'unknown error');

/** Resolves when `promise` does, rejects after `ms` or as soon as process `pid` is gone. */
function watch(promise, ms, name, pid) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(reject, new Error(`no ${name} readiness within this attempt`)), Math.max(ms, 1));
    const poll = setInterval(() => {
      if (!alive(pid)) finish(reject, new ProcessExited(`${name} process (pid ${pid}) exited`));
    }, 250);
    function finish(fn, v) {
      clearTimeout(timer);
      clearInterval(poll);
      fn(v);
    }
    promise.then((v) => finish(resolve, v), (e) => finish(reject, e));
  });
}

async function kafkaAttempt(pid) {
  const kafka = new Kafka({
    clientId: 'tributary-wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 1000 },
  });
  const admin = kafka.admin();
  const groupId = `tributary-readiness-${process.pid}-${Date.now()}`;
  let consumer;
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    if (!topics.includes(READINESS_TOPIC)) {
      // false (not an error) when someone else created it meanwhile
      await admin.createTopics({
        topics: [{ topic: READINESS_TOPIC, numPartitions: 1, replicationFactor: 1 }],
        waitForLeaders: true,
      });
    }
    // maxWaitTimeInMs: a short fetch long-poll, or disconnect() waits up to 5 s for it to end.
    consumer = kafka.consumer({
      groupId,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
      allowAutoTopicCreation: false,
    });
    const joined = new Promise((resolve, reject) => {
      consumer.on(consumer.events.GROUP_JOIN, resolve);
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (!payload.restart) reject(payload.error);
      });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [READINESS_TOPIC], fromBeginning: false });
    await consumer.run({ eachMessage: async () => {} });
    await watch(joined, Math.min(deadline - Date.now(), 30000), 'kafka', pid);
    const readyAt = Date.now();
    await consumer.disconnect();
    consumer = undefined;
    await admin.deleteGroups([groupId]).catch(() => {}); // leave no throwaway groups behind
    return readyAt;
  } finally {
    if (consumer) await consumer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}

async function waitKafka(pid) {
  let last;
  while (Date.now() < deadline) {
    checkAlive('kafka', pid);
    try {
      return await watch(kafkaAttempt(pid), deadline - Date.now(), 'kafka', pid);
    } catch (e) {
      if (e instanceof ProcessExited) throw e;
      last = e;
      await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
    }
  }
  throw new Error(`not ready: ${describe(last)}`);
}

async function waitRegistry(pid) {
  const url = `${registryUrl}/apis/ccompat/v7/subjects`;
  let last;
  while (Date.now() < deadline) {
    checkAlive('registry', pid);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1, Math.min(3000, deadline - Date.now()))) });
      await res.arrayBuffer();
      if (res.status === 200) return Date.now();
      last = new Error(`GET ${url} answered HTTP ${res.status}`);
    } catch (e) {
      last = e.cause ?? e;
    }
    await sleep(Math.min(250, Math.max(0, deadline - Date.now())));
  }
  throw new Error(`not ready: ${describe(last)}`);
}

const elapsed = (since, at = Date.now()) => `${((at - (Number(since) || start)) / 1000).toFixed(1)}s`;

async function run(name, fn, pid, since, where) {
  try {
    const readyAt = await fn(pid);
    process.stdout.write(`${name} ready in ${elapsed(since, readyAt)} (${where})\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${name} NOT ready after ${elapsed(since)} (${where}): ${describe(e)}\n`);
    return name === 'kafka' ? 1 : 2;
  }
}

const results = await Promise.all([
  components.has('kafka') ? run('kafka', waitKafka, opts.values['kafka-pid'], opts.values['kafka-since'], brokers.join(',')) : 0,
  components.has('registry') ? run('registry', waitRegistry, opts.values['registry-pid'], opts.values['registry-since'], registryUrl) : 0,
]);
process.exit(results.reduce((a, b) => a | b, 0));
