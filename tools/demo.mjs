// Sends sample orders through signed Clarity webhooks and shows, order by order, what reached
// the Sage Intacct simulator. Run by tools/demo.sh after it started the services.
import { parseArgs } from 'node:util';
import { sampleOrders, webhookFor, ClarityWebhookSender } from '@tributary/simulator-clarity';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '20' }, help: { type: 'boolean' } } });
if (values.help) {
  console.log('usage: make demo [ARGS="--orders N"]\n  sends N (default 20) signed sample orders and prints what reached Sage Intacct');
  process.exit(0);
}
const count = Number(values.orders);
if (!Number.isInteger(count) || count < 1 || count > 10_000) { console.error(`--orders: expected a whole number 1..10000, got ${values.orders}`); process.exit(2); }

const ingress = `http://127.0.0.1:${process.env.HTTP_PORT}`;
const simulator = `http://127.0.0.1:${process.env.INTACCT_SIM_PORT}`;
const readyUrls = { 'clarity-ingress': 'http://127.0.0.1:9464/health/ready', 'intacct-sink': 'http://127.0.0.1:9465/health/ready', 'intacct-simulator': `${simulator}/_sim/stats` };

const waitUntil = async (what, probe, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try { if (await probe()) return; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`${what} not ready after ${timeoutMs / 1000}s (see .local/logs/)`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

const t0 = Date.now();
for (const [name, url] of Object.entries(readyUrls)) {
  await waitUntil(name, async () => (await fetch(url)).ok);
}
console.log(`services ready in ${((Date.now() - t0) / 1000).toFixed(1)}s\n`);

// Order numbers from the clock: every demo run sends orders Intacct has not seen.
const startNumber = 100_000 + (Math.floor(Date.now() / 1000) % 800_000);
const orders = sampleOrders(count, { startNumber, seed: startNumber });
const sender = new ClarityWebhookSender({ url: `${ingress}/webhooks/clarity`, secrets: process.env.CLARITY_WEBHOOK_SECRETS.split(',').slice(0, 1) });
const sentAt = new Map();
console.log(`sending ${count} signed order.created webhooks to ${ingress}/webhooks/clarity ...`);
const sendStarted = Date.now();
const results = await sender.sendMany(orders.map((order) => { sentAt.set(order.orderNumber ?? order.orderId, Date.now()); return webhookFor(order); }), { concurrency: 8 });
const accepted = results.filter((r) => r.status === 202).length;
console.log(`${accepted}/${count} accepted (202 after Kafka's ack) in ${Date.now() - sendStarted} ms\n`);

const wanted = new Set(orders.map((o) => o.orderNumber ?? o.orderId));
let documents = [];
await waitUntil('all orders in Intacct', async () => {
  const all = await (await fetch(`${simulator}/_sim/documents`)).json();
  documents = (Array.isArray(all) ? all : all.documents ?? []).filter((d) => wanted.has(d.referenceNo));
  return documents.length >= accepted;
}, 120_000);

const payments = await (await fetch(`${simulator}/_sim/payments`)).json();
const customers = await (await fetch(`${simulator}/_sim/customers`)).json();
const listOf = (body, key) => (Array.isArray(body) ? body : body[key] ?? []);
const latencies = [];
console.log('order        → Intacct document          lines  total          webhook→ERP  customer');
for (const order of orders) {
  const ref = order.orderNumber ?? order.orderId;
  const doc = documents.find((d) => d.referenceNo === ref);
  if (!doc) { console.log(`${ref.padEnd(12)} → (not in Intacct)`); continue; }
  const ms = Date.parse(doc.createdAt) - sentAt.get(ref);
  latencies.push(ms);
  console.log(`${ref.padEnd(12)} → ${doc.docId.padEnd(26)} ${String(doc.lines.length).padStart(5)}  ${(doc.total + ' ' + doc.currency).padEnd(14)} ${String(ms).padStart(6)} ms    ${doc.customerId}`);
  for (const line of doc.lines) console.log(`${''.padEnd(16)}${line.itemId.padEnd(22)} ${String(line.quantity).padStart(4)} × ${line.price.padEnd(9)} ${[line.departmentId, line.locationId, line.projectId, line.classId].filter(Boolean).join(' / ')}`);
  const payment = listOf(payments, 'payments').find((p) => p.docNumber === `PAY-${ref}`);
  if (payment) console.log(`${''.padEnd(16)}cash receipt ${payment.recordNo}: ${payment.amount} ${payment.currency} ${payment.paymentMethod} → GL ${payment.undepositedAccountNo}`);
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const invoices = documents.filter((d) => d.transactionType === 'Sales Invoice').length;
console.log(`\nsummary: ${documents.length}/${count} orders reached Sage Intacct exactly once (${documents.length - invoices} sales orders, ${invoices} invoices with ${listOf(payments, 'payments').filter((p) => wanted.has(p.docNumber?.slice(4))).length} cash receipts; ${listOf(customers, 'customers').length} customers in Intacct)`);
console.log(`         ${((Date.now() - sendStarted) / 1000).toFixed(1)} s end to end · latency webhook→ERP p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies.at(-1)} ms`);
if (documents.length < count) process.exit(1);
