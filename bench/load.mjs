// Load generation: autocannon with per-request signatures, and an open-loop fixed-rate sender.
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { sampleOrders, webhookFor } from '@tributary/simulator-clarity';
import { sign, sleep } from './lib.mjs';

/** Distinct order webhooks (JSON text), numbered from `startNumber`; `referenceNo` is the order number. */
export const orderBodies = (count, startNumber, seed = 7) =>
  sampleOrders(count, { seed, startNumber }).map((order) => ({ referenceNo: order.orderNumber ?? order.orderId, body: JSON.stringify(webhookFor(order)) }));

let unique = 0;
const runTag = Math.random().toString(36).slice(2, 7);
/**
 * A body from the pool made unique (event id, order id and number), so the ingress's duplicate
 * and stale-version checks never short-cut a request: every one is validated, mapped and produced.
 */
export const uniqueBody = (body) => {
  const n = `${runTag}${(unique++).toString(36)}`;
  return body.replace(/"id":"evt_[^"]*"/, `"id":"evt_b${n}"`).replace(/"orderId":"([^"]*)"/, `"orderId":"$1-${n}"`).replace(/"orderNumber":"([^"]*)"/, `"orderNumber":"$1-${n}"`);
};

/** autocannon against a webhook URL; each request gets a unique body from the pool and a fresh signature. */
export const cannon = async ({ url, pool, seconds, connections = 50, rate, pipelining = 1 }) => {
  let i = 0;
  const result = await autocannon({
    url, duration: seconds, connections, pipelining, ...(rate ? { overallRate: rate } : {}),
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const body = uniqueBody(pool[i++ % pool.length].body);
        return { ...req, body, headers: { 'content-type': 'application/json', 'x-clarity-event': 'order.created', 'x-clarity-signature': sign(Buffer.from(body)) } };
      },
    }],
  });
  return {
    requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts,
    accepted: result['2xx'], perSecond: result['2xx'] / seconds,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    statusCodes: result.statusCodeStats,
  };
};

/**
 * Open loop at a fixed rate: sends `items` at `rate`/s regardless of answers (like Clarity would),
 * records when each was sent and how it was answered.
 */
export const sendAtRate = async ({ url, items, rate, maxInFlight = 512 }) => {
  const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000, pipelining: 1 });
  const sent = new Map();
  const answers = [];
  let inFlight = 0; let skipped = 0;
  const started = performance.now();
  const pending = [];
  for (let k = 0; k < items.length; k++) {
    const due = started + (k * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= maxInFlight) { skipped++; continue; }
    const { referenceNo, body } = items[k];
    const sentAt = Date.now(); const t0 = performance.now();
    sent.set(referenceNo, sentAt);
    inFlight++;
    pending.push(request(url, { method: 'POST', body, dispatcher: agent, headers: { 'content-type': 'application/json', 'x-clarity-event': 'order.created', 'x-clarity-signature': sign(Buffer.from(body)) } })
      .then(async (r) => { await r.body.text(); answers.push({ referenceNo, status: r.statusCode, ms: performance.now() - t0 }); })
      .catch((e) => answers.push({ referenceNo, status: 0, ms: performance.now() - t0, error: String(e) }))
      .finally(() => { inFlight--; }));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  await agent.close();
  return { sent, answers, skipped, sendSeconds };
};
