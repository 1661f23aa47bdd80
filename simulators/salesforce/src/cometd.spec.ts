import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSalesforceSimulator } from './start-simulator.js';
import type { SalesforceSimulator } from './simulator-types.js';

const client = { clientId: 'ck', clientSecret: 'cs' };
let sim: SalesforceSimulator;
let token = '';

const cometd = async (messages: unknown[], auth = `OAuth ${token}`) => {
  const response = await fetch(`${sim.url}/cometd/62.0`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify(messages) });
  return (await response.json()) as Record<string, unknown>[];
};
const rest = (path: string, init: RequestInit = {}) =>
  fetch(`${sim.url}/services/data/${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) } });

before(async () => {
  sim = await startSalesforceSimulator({ clients: [client], cometdTimeoutMs: 300 });
  const reply = await fetch(`${sim.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'ck', client_secret: 'cs' }) });
  const json = (await reply.json()) as { access_token: string; id: string; instance_url: string; issued_at: string; signature: string; token_type: string };
  assert.match(json.id, /\/id\/00D\w+\/005\w+$/);
  assert.equal(json.token_type, 'Bearer');
  token = json.access_token;
});
after(() => sim.close());

describe('Salesforce simulator: CometD', () => {
  it('answers every message of a batch by id and holds only the connect; events come with the held connect', async () => {
    const [handshake] = await cometd([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }]);
    assert.deepEqual([handshake?.['successful'], handshake?.['id'], (handshake?.['ext'] as { replay: boolean }).replay], [true, '1', true]);
    const clientId = handshake?.['clientId'];
    const started = Date.now();
    const batch = await cometd([
      { channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '2' },
      { channel: '/meta/subscribe', clientId, subscription: '/data/AccountChangeEvent', id: '3', ext: { replay: { '/data/AccountChangeEvent': -1 } } },
      { channel: '/meta/subscribe', clientId, subscription: '/data/FooChangeEvent', id: '4' },
    ]);
    assert.ok(Date.now() - started >= 250, 'the connect was held');
    const byId = new Map(batch.map((m) => [m['id'], m]));
    assert.equal(byId.get('3')?.['successful'], true);
    assert.equal(byId.get('4')?.['error'], '400::The channel you requested to subscribe to does not exist {/data/FooChangeEvent}');
    assert.equal(byId.get('2')?.['successful'], true);

    const held = cometd([{ channel: '/meta/connect', clientId, connectionType: 'long-polling', id: '5' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const created = await rest('v62.0/sobjects/Account', { method: 'POST', body: JSON.stringify({ Name: 'Held Connect Ltd' }) });
    assert.equal(created.status, 201);
    const delivered = await held;
    assert.equal(delivered[0]?.['channel'], '/data/AccountChangeEvent');
    assert.equal(delivered.at(-1)?.['id'], '5');
  });

  it('tells a forgotten client to handshake again (403::Unknown client)', async () => {
    const [handshake] = await cometd([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }]);
    sim.setFaults({ unknownClient: true });
    const [reply] = await cometd([{ channel: '/meta/connect', clientId: handshake?.['clientId'], connectionType: 'long-polling', id: '2' }]);
    assert.equal(reply?.['error'], '403::Unknown client');
    assert.deepEqual(reply?.['advice'], { reconnect: 'handshake', interval: 0 });
  });

  it('answers a connect with a bad token 401::Authentication invalid and reconnect none', async () => {
    const [handshake] = await cometd([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }]);
    const [reply] = await cometd([{ channel: '/meta/connect', clientId: handshake?.['clientId'], connectionType: 'long-polling', id: '2' }], 'OAuth nope');
    assert.deepEqual([reply?.['error'], (reply?.['advice'] as { reconnect: string }).reconnect], ['401::Authentication invalid', 'none']);
  });
});

describe('Salesforce simulator: REST details', () => {
  it('answers an update by upsert with 204 before API 46 and 200 after; Sforce-Limit-Info on every reply', async () => {
    const body = JSON.stringify({ Name: 'Versioned Ltd' });
    assert.equal((await rest('v62.0/sobjects/Account/Clarity_Customer_Id__c/V-1', { method: 'PATCH', body })).status, 201);
    const old = await rest('v45.0/sobjects/Account/Clarity_Customer_Id__c/V-1', { method: 'PATCH', body });
    assert.equal(old.status, 204);
    assert.match(old.headers.get('sforce-limit-info') ?? '', /^api-usage=\d+\/15000$/);
    assert.equal((await rest('v62.0/sobjects/Account/Clarity_Customer_Id__c/V-1', { method: 'PATCH', body })).status, 200);
  });

  it('refuses more than 25 composite subrequests and more than 200 collection records', async () => {
    const sub = { method: 'GET', url: '/services/data/v62.0/limits', referenceId: 'r' };
    const composite = await rest('v62.0/composite', { method: 'POST', body: JSON.stringify({ allOrNone: false, compositeRequest: Array.from({ length: 26 }, (_, i) => ({ ...sub, referenceId: `r${i}` })) }) });
    assert.equal(composite.status, 400);
    const collection = await rest('v62.0/composite/sobjects', { method: 'POST', body: JSON.stringify({ allOrNone: false, records: Array.from({ length: 201 }, () => ({ attributes: { type: 'Account' }, Name: 'x' })) }) });
    assert.equal(((await collection.json()) as { errorCode: string }[])[0]?.errorCode, 'EXCEEDED_ID_LIMIT');
  });

  it('serves the admin API with zod-checked bodies', async () => {
    const bad = await fetch(`${sim.adminUrl}/gap`, { method: 'POST', body: JSON.stringify({ type: 'Account', ids: [] }) });
    assert.equal(bad.status, 400);
    const [account] = sim.records('Account');
    const gap = await fetch(`${sim.adminUrl}/gap`, { method: 'POST', body: JSON.stringify({ type: 'Account', ids: [account!['Id']] }) });
    assert.equal(gap.status, 200);
    const rep = await fetch(`${sim.adminUrl}/records/Account`, { method: 'POST', body: JSON.stringify({ id: account!['Id'], fields: { Phone: '555-0101' } }) });
    assert.equal(rep.status, 200);
    const events = (await (await fetch(`${sim.adminUrl}/cdc-events`)).json()) as { data: { payload: { ChangeEventHeader: { changeType: string; changeOrigin: string } } } }[];
    assert.deepEqual(events.slice(-2).map((e) => e.data.payload.ChangeEventHeader.changeType), ['GAP_UPDATE', 'UPDATE']);
    assert.equal(events.at(-1)?.data.payload.ChangeEventHeader.changeOrigin, '');
    assert.equal(((await (await fetch(`${sim.adminUrl}/info`)).json()) as { standardPricebookId: string }).standardPricebookId, sim.standardPricebookId);
  });
});
