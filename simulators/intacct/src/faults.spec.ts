import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IntacctSimulator } from './simulator-types.js';
import { createSalesOrderXml, envelope, fn, loginAuth, post, startTestSimulator } from './testing/gateway-test-kit.js';

let sim: IntacctSimulator;

before(async () => {
  sim = await startTestSimulator({ timeoutHangMs: 400, maxConcurrent: 2, seed: 42 });
});
after(() => sim.close());
beforeEach(() => sim.reset());

const create = (controlId: string, init: { signal?: AbortSignal } = {}) =>
  post(sim.url, envelope(loginAuth, [fn(controlId, createSalesOrderXml({ referenceNo: controlId }))]), init);

const adminPost = (path: string, body?: unknown) =>
  fetch(`${sim.adminUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });

describe('Intacct simulator: faults', () => {
  it('answers HTTP 503 with a non-XML body and processes nothing', async () => {
    sim.setFaults({ http5xx: 1 });
    const failed = await create('so-1');
    assert.equal(failed.status, 503);
    assert.ok(!failed.text.startsWith('<?xml'));
    assert.equal(sim.documents().length, 0);
    assert.equal((await create('so-1')).status, 200);
    assert.equal(sim.documents().length, 1);
  });

  it('throttles with HTTP 429, GW-0010 and Retry-After', async () => {
    sim.setFaults({ throttle: 1 });
    const throttled = await create('so-1');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '1');
    assert.equal(throttled.xml.response.errormessage.error[0].errorno, 'GW-0010');
    assert.equal(sim.documents().length, 0);
  });

  it('hangs on a timeout fault until the client gives up, storing nothing', async () => {
    sim.setFaults({ timeout: 1 });
    await assert.rejects(create('so-1', { signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
    assert.equal(sim.documents().length, 0);
    assert.equal((await create('so-2')).status, 200);
    assert.equal(sim.stats().byStatus['no-response'], 1);
  });

  it('drops a hung request after timeoutHangMs', async () => {
    sim.setFaults({ timeout: 1 });
    const started = Date.now();
    await assert.rejects(create('so-1'));
    assert.ok(Date.now() - started >= 350, 'held for about timeoutHangMs');
  });

  it('commitThenFail stores the document, answers 500, and refuses the replay', async () => {
    sim.setFaults({ commitThenFail: 1 });
    const failed = await create('so-create-ord-1');
    assert.equal(failed.status, 500);
    assert.equal(sim.documents().length, 1, 'the document was committed before the failure');
    assert.equal(sim.documents()[0]?.controlId, 'so-create-ord-1');
    const replay = await create('so-create-ord-1');
    assert.equal(replay.xml.response.operation.result[0].errormessage.error[0].errorno, 'SIM-DUPCTRL');
    assert.equal(sim.documents().length, 1);
  });

  it('commitThenFail in hang mode stores the document and never answers', async () => {
    sim.setFaults({ commitThenFail: 1, commitThenFailMode: 'hang' });
    await assert.rejects(create('so-1', { signal: AbortSignal.timeout(150) }));
    // The client gave up after 150 ms; on a loaded machine the store may land just after that.
    for (const deadline = Date.now() + 5000; sim.documents().length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    assert.equal(sim.documents().length, 1);
  });

  it('commitThenFail only counts requests that create', async () => {
    sim.setFaults({ commitThenFail: 1 });
    const read = await post(sim.url, envelope(loginAuth, [fn('r', '<readByQuery><object>SODOCUMENT</object><fields>*</fields><query></query><pagesize>1</pagesize></readByQuery>')]));
    assert.equal(read.status, 200);
    assert.equal((await create('so-1')).status, 500);
  });

  it('adds latency to every request', async () => {
    sim.setFaults({ latencyMs: 120 });
    const started = Date.now();
    await create('so-1');
    assert.ok(Date.now() - started >= 110);
  });

  it('draws rate faults from a seeded PRNG, replayable after reset', async () => {
    const run = async () => {
      sim.reset();
      sim.setFaults({ rates: { http5xx: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await create(`so-${i}`)).status);
      return statuses;
    };
    const first = await run();
    assert.deepEqual(await run(), first);
    assert.ok(first.includes(503) && first.includes(200), `mixed outcomes: ${first.join(',')}`);
  });

  it('answers 429 beyond maxConcurrent requests in flight', async () => {
    sim.setFaults({ latencyMs: 250 });
    const replies = await Promise.all(['a', 'b', 'c', 'd'].map((id) => create(id)));
    const statuses = replies.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429, 429]);
    assert.equal(sim.documents().length, 2);
    const stats = sim.stats();
    // The refused ones finish at once, so the third and fourth need not overlap each other.
    assert.ok(stats.maxConcurrentSeen >= 3, `maxConcurrentSeen ${stats.maxConcurrentSeen}`);
    assert.deepEqual(stats.byStatus, { '200': 2, '429': 2 });
  });

  it('is steered and inspected through the admin API', async () => {
    assert.equal((await adminPost('/faults', { http5xx: 1 })).status, 204);
    assert.equal((await create('so-1')).status, 503);
    await create('so-2');

    const stats = await (await fetch(`${sim.adminUrl}/stats`)).json();
    assert.deepEqual(stats, { requests: 2, byStatus: { '200': 1, '503': 1 }, functions: { create_sotransaction: 1 }, maxConcurrentSeen: 1 });
    const documents = (await (await fetch(`${sim.adminUrl}/documents`)).json()) as Array<{ docId: string }>;
    assert.equal(documents[0]?.docId, 'Sales Order-SO0001');

    assert.equal((await adminPost('/faults', { http5xx: -1 })).status, 400);
    assert.equal((await adminPost('/expire-sessions')).status, 204);
    assert.equal((await adminPost('/reset')).status, 204);
    assert.equal(sim.documents().length, 0);
    assert.equal((await fetch(`${sim.adminUrl}/faults`, { method: 'DELETE' })).status, 204);
  });
});
