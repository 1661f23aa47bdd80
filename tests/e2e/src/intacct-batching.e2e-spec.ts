import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntacctClient, type IntacctClientOptions, type IntacctRequestEvent } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator, type SimulatorStats } from '@tributary/simulator-intacct';

/**
 * The real client against the real simulator, whose gateway allows 2 requests in flight and
 * answers 429 GW-0010 beyond that: batching plus the per-company limit must get many functions
 * through in few requests, and never be throttled.
 */
describe('IntacctClient batching and concurrency ⇄ Intacct simulator', () => {
  let simulator: IntacctSimulator;
  const clients: IntacctClient[] = [];
  const credentials = { senderId: 'batching-sender', senderPassword: 'sp', companyId: 'ACME-MULTI', userId: 'ws_user', userPassword: 'up' };

  before(async () => {
    simulator = await startIntacctSimulator({
      port: 0, maxConcurrent: 2, senderId: credentials.senderId, senderPassword: credentials.senderPassword,
      users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }],
    });
  });
  beforeEach(() => simulator.reset());
  after(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await simulator.close();
  });

  const client = (options: Partial<IntacctClientOptions> & { entityId?: string } = {}) => {
    const { entityId, ...rest } = options;
    const created = new IntacctClient({
      endpointUrl: simulator.url, timeoutMs: 5000, maxConcurrentRequests: 2, maxFunctionsPerRequest: 20,
      credentials: { ...credentials, ...(entityId ? { entityId } : {}) },
      ...rest,
    });
    clients.push(created);
    return created;
  };

  const functionsRan = (stats: SimulatorStats) => Object.values(stats.functions).reduce((sum, n) => sum + n, 0);
  const throttled = (stats: SimulatorStats) => stats.byStatus['429'] ?? 0;

  const createCustomers = (intacct: IntacctClient, prefix: string, count: number) =>
    Promise.all(
      Array.from({ length: count }, (_, n) =>
        intacct.createCustomer(
          { name: `${prefix} Trading Co. ${n + 1}`, clarityId: `clarity-${prefix}-${n + 1}`, email: `buyer${n + 1}@${prefix}.example`, currency: 'USD' },
          { controlId: `cust-create-${prefix}-${n + 1}` },
        ),
      ),
    );

  it('creates 60 customers at once in far fewer requests than functions, each caller getting its own customer, with no GW-0010', async () => {
    const events: IntacctRequestEvent[] = [];
    const intacct = client({ onRequest: (e) => events.push(e) });
    const created = await createCustomers(intacct, 'harbour', 60);

    const stats = simulator.stats();
    assert.equal(stats.functions['create'], 60);
    assert.ok(stats.requests <= functionsRan(stats) / 5, `${stats.requests} requests for ${functionsRan(stats)} functions`);
    assert.equal(throttled(stats), 0);
    assert.ok(stats.maxConcurrentSeen <= 2);
    assert.equal(new Set(created.map((c) => c.customerId)).size, 60);
    const stored = new Map(simulator.customers().map((c) => [c.customerId, c]));
    created.forEach((ref, n) => assert.equal(stored.get(ref.customerId)?.clarityId, `clarity-harbour-${n + 1}`, 'each caller got its own record'));
    assert.ok(events.some((e) => e.operation === 'batch' && e.functions === 20 && e.status === 'success'));
    assert.equal(events.reduce((sum, e) => sum + e.functions, 0), functionsRan(stats), 'onRequest saw every function, once per request');

    // Reads batch the same way: 60 lookups at once.
    const found = await Promise.all(created.map((ref) => intacct.findCustomers({ clarityId: ref.clarityId! })));
    assert.deepEqual(found.map((refs) => refs.map((r) => r.customerId)), created.map((ref) => [ref.customerId]));
    const after = simulator.stats();
    assert.equal(after.functions['query'], 60);
    assert.ok(after.requests - stats.requests <= 60 / 5, `${after.requests - stats.requests} requests for 60 queries`);
    assert.equal(throttled(after), 0);
  });

  it('shares the limit between two clients of one company with different entities: still no GW-0010', async () => {
    const us = client({ entityId: 'US' });
    const ca = client({ entityId: 'CA' });
    const [usCustomers, caCustomers] = await Promise.all([createCustomers(us, 'us-east', 50), createCustomers(ca, 'ca-west', 50)]);
    assert.equal(usCustomers.length + caCustomers.length, 100);

    const stats = simulator.stats();
    assert.equal(stats.functions['getAPISession'], 2, 'one entity-scoped session per client');
    assert.equal(stats.functions['create'], 100);
    assert.equal(throttled(stats), 0);
    assert.ok(stats.maxConcurrentSeen <= 2, `saw ${stats.maxConcurrentSeen} in flight`);
    assert.ok(stats.requests <= functionsRan(stats) / 5, `${stats.requests} requests for ${functionsRan(stats)} functions`);
  });

  it('with maxFunctionsPerRequest 1 sends one request per function, still within the limit', async () => {
    const intacct = client({ maxFunctionsPerRequest: 1 });
    await createCustomers(intacct, 'single', 12);
    const stats = simulator.stats();
    assert.equal(stats.functions['create'], 12);
    assert.equal(stats.requests, functionsRan(stats), 'one function per request (sign-in included)');
    assert.equal(stats.requests, 13);
    assert.equal(throttled(stats), 0);
    assert.ok(stats.maxConcurrentSeen <= 2);
  });
});
