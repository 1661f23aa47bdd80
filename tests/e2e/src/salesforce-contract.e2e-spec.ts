import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import jsforce, { type Connection } from 'jsforce';
import { StreamingExtension } from 'jsforce/lib/api/streaming.js';
import { IntegrationError } from '@tributary/core';
import { waitFor } from '@tributary/testing';
import { SalesforceClient, isEcho, type SalesforceApiUsage, type SalesforceChangeEvent } from '@tributary/connectors-salesforce';
import { startSalesforceSimulator, type ChangeEventMessage, type SalesforceSimulator } from '@tributary/simulator-salesforce';

/**
 * jsforce, unmodified, against the Salesforce simulator (no Kafka): the wire contract the
 * salesforce-sink and salesforce-cdc-source rely on, then our SalesforceClient on the same org.
 */
const CLIENT = { clientId: '3MVG9sim.tributary.consumer.key', clientSecret: 'sim-consumer-secret-7f3a', username: 'integration@acme-outdoor.example', password: 'pa55word+tokenXYZ' };
const EXT = 'Clarity_Customer_Id__c';

interface FayeSubscription {
  then(ok: () => void, fail: (error: { code?: number; message?: string }) => void): unknown;
}
interface FayeClient {
  subscribe(channel: string, listener: (data: ChangeEventMessage['data']) => void): FayeSubscription;
  disconnect(): unknown;
}

const subscribed = (subscription: FayeSubscription) =>
  new Promise<void>((resolve, reject) => subscription.then(resolve, (error) => reject(new Error(`${error.code ?? ''}: ${error.message ?? ''}`))));

const failureOf = async (promise: PromiseLike<unknown>): Promise<{ errorCode?: string; name?: string; message: string; data?: unknown }> => {
  try {
    await promise;
  } catch (error) {
    return error as { errorCode?: string; message: string };
  }
  assert.fail('expected a failure');
};

describe('Salesforce simulator ⇄ jsforce (unmodified) contract', () => {
  let sim: SalesforceSimulator;
  let conn: Connection;
  const streams: FayeClient[] = [];

  const connect = async (clientName = 'tributary') => {
    const connection = new jsforce.Connection({ oauth2: { loginUrl: sim.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret }, version: '62.0', callOptions: { client: clientName } });
    await connection.authorize({ grant_type: 'client_credentials' });
    return connection;
  };
  const stream = (connection: Connection, channel: string, replayId: number | undefined, onAuthFailure: (m: unknown) => void = () => undefined) => {
    const extensions: unknown[] = [new StreamingExtension.AuthFailure(onAuthFailure)];
    if (replayId !== undefined) extensions.push(new StreamingExtension.Replay(channel, replayId));
    const client = connection.streaming.createClient(extensions) as unknown as FayeClient;
    streams.push(client);
    return client;
  };

  before(async () => {
    sim = await startSalesforceSimulator({ clients: [CLIENT], cometdTimeoutMs: 800, queryPageSize: 3, seed: 7 });
  });
  after(async () => {
    for (const client of streams) client.disconnect();
    await sim.close();
  });
  beforeEach(async () => {
    for (const client of streams.splice(0)) client.disconnect();
    sim.reset();
    conn = await connect();
  });

  it('authorises with client credentials and with the password grant; the id URL gives user and org', async () => {
    const info = await conn.authorize({ grant_type: 'client_credentials' });
    assert.equal(info.organizationId, sim.orgId);
    assert.equal(info.id, sim.integrationUsers[CLIENT.clientId]);
    assert.equal(conn.instanceUrl, sim.instanceUrl);
    const byPassword = new jsforce.Connection({ oauth2: { loginUrl: sim.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret }, version: '62.0' });
    const user = await byPassword.login(CLIENT.username, CLIENT.password);
    assert.equal(user.organizationId, sim.orgId);
    const wrong = new jsforce.Connection({ oauth2: { loginUrl: sim.url, clientId: 'not-a-client', clientSecret: 'x' }, version: '62.0' });
    const refused = await failureOf(wrong.authorize({ grant_type: 'client_credentials' }));
    assert.equal(refused.name, 'invalid_client_id');
  });

  it('upserts by external id: 201 created, 200 updated, 300 multiple matches with the ids, 404 for a field that is not an external id', async () => {
    const accounts = conn.sobject('Account');
    const created = await accounts.upsert({ Name: 'Alpine Outfitters Ltd', BillingCity: 'Calgary', [EXT]: 'CUST 1077' }, EXT);
    assert.deepEqual({ created: created.created, success: created.success }, { created: true, success: true });
    assert.match(created.id ?? '', /^001[a-zA-Z0-9]{15}$/);
    const updated = await accounts.upsert({ Phone: '+1 403 555 0110', [EXT]: 'CUST 1077' }, EXT);
    assert.equal(updated.created, false);
    assert.equal(updated.id, created.id);
    const stored = sim.records('Account').find((a) => a['Id'] === created.id)!;
    assert.deepEqual([stored['Name'], stored['Phone'], stored[EXT]], ['Alpine Outfitters Ltd', '+1 403 555 0110', 'CUST 1077']);
    // jsforce joins the value into the URL unencoded: a slash becomes another path segment (our client encodes).
    assert.equal((await failureOf(accounts.upsert({ Name: 'Slash Co', [EXT]: 'CUST 10/77' }, EXT))).errorCode, 'NOT_FOUND');

    const first = sim.seedRecord('Account', { Name: 'Legacy Import A', Legacy_Customer_Number__c: 'L-900' });
    const second = sim.seedRecord('Account', { Name: 'Legacy Import B', Legacy_Customer_Number__c: 'L-900' });
    const multiple = await failureOf(accounts.upsert({ Name: 'Legacy', Legacy_Customer_Number__c: 'L-900' }, 'Legacy_Customer_Number__c'));
    assert.equal(multiple.errorCode, 'MULTIPLE_CHOICES');
    assert.deepEqual((multiple.data as string[]).map((url) => url.split('/').pop()).sort(), [first, second].sort());

    const notExternal = await failureOf(accounts.upsert({ Name: 'X', Phone: '555' }, 'Phone'));
    assert.equal(notExternal.errorCode, 'NOT_FOUND');
  });

  it('answers DUPLICATE_VALUE when a unique external id is reused', async () => {
    await conn.sobject('Account').create({ Name: 'Harbour Bikes', [EXT]: 'CUST-501' });
    const duplicate = await failureOf(conn.sobject('Account').create({ Name: 'Harbour Bikes (copy)', [EXT]: 'cust-501' }));
    assert.equal(duplicate.errorCode, 'DUPLICATE_VALUE');
    assert.match(duplicate.message, /duplicate value found: Clarity_Customer_Id__c duplicates value on record with id: 001/);
  });

  it('validates required fields and the Order / PricebookEntry rules with Salesforce error arrays', async () => {
    const noLastName = await failureOf(conn.sobject('Contact').create({ FirstName: 'Maeve', Email: 'maeve@example.com' }));
    assert.equal(noLastName.errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal(noLastName.message, 'Required fields are missing: [LastName]');
    assert.deepEqual((noLastName.data as { fields?: string[] }).fields, ['LastName'], 'jsforce 3.10 keeps the entry (and its fields) in error.data');
    assert.equal((await failureOf(conn.sobject('Account').create({ Phone: '555' }))).errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal((await failureOf(conn.sobject('Account').create({ Name: 'X', Colour: 'red' }))).errorCode, 'INVALID_FIELD');

    const account = await conn.sobject('Account').create({ Name: 'Northwind Cafés' });
    const activated = await failureOf(conn.sobject('Order').create({ AccountId: account.id, EffectiveDate: '2026-11-25', Status: 'Activated', Pricebook2Id: sim.standardPricebookId }));
    assert.equal(activated.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
    const order = await conn.sobject('Order').create({ AccountId: account.id, EffectiveDate: '2026-11-25', Status: 'Draft', Pricebook2Id: sim.standardPricebookId });
    const wholesale = await conn.query<{ Id: string }>("SELECT Id FROM PricebookEntry WHERE Pricebook2.Name = 'Wholesale 2026' LIMIT 1");
    const wrongBook = await failureOf(conn.sobject('OrderItem').create({ OrderId: order.id, PricebookEntryId: wholesale.records[0]!.Id, Quantity: 1, UnitPrice: 10 }));
    assert.equal(wrongBook.errorCode, 'FIELD_INTEGRITY_EXCEPTION');
    assert.equal(wrongBook.message, 'Order Products must have a Price Book Entry that belongs to the Price Book related to the parent Order.');
  });

  it('runs /composite: @{ref.id} references, and allOrNone rolls everything back (PROCESSING_HALTED)', async () => {
    const account = await conn.sobject('Account').create({ Name: 'Glacier Coffee Roasters' });
    const mug = await conn.query<{ Id: string; UnitPrice: number }>(`SELECT Id, UnitPrice FROM PricebookEntry WHERE Pricebook2Id = '${sim.standardPricebookId}' AND Product2.ProductCode = 'TRB-MUG-12OZ'`);
    const base = '/services/data/v62.0';
    const request = (quantity: unknown) => ({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: `${base}/sobjects/Order`, referenceId: 'newOrder', body: { AccountId: account.id, EffectiveDate: '2026-11-25', Status: 'Draft', Pricebook2Id: sim.standardPricebookId, Clarity_Order_Id__c: 'ORD-7001' } },
        { method: 'POST', url: `${base}/sobjects/OrderItem`, referenceId: 'line1', body: { OrderId: '@{newOrder.id}', PricebookEntryId: mug.records[0]!.Id, Quantity: 2, UnitPrice: 27.5 } },
        { method: 'POST', url: `${base}/sobjects/OrderItem`, referenceId: 'line2', body: { OrderId: '@{newOrder.id}', PricebookEntryId: mug.records[0]!.Id, Quantity: quantity, UnitPrice: 27.5 } },
      ],
    });
    type Composite = { compositeResponse: { httpStatusCode: number; referenceId: string; body: unknown }[] };
    const failed = await conn.requestPost<Composite>('/composite', request(null));
    assert.deepEqual(failed.compositeResponse.map((r) => r.httpStatusCode), [400, 400, 400]);
    assert.equal((failed.compositeResponse[2]!.body as { errorCode: string }[])[0]!.errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal((failed.compositeResponse[0]!.body as { errorCode: string }[])[0]!.errorCode, 'PROCESSING_HALTED');
    assert.equal(sim.records('Order').length, 0, 'the order was rolled back');

    const done = await conn.requestPost<Composite>('/composite', request(1));
    assert.deepEqual(done.compositeResponse.map((r) => r.httpStatusCode), [201, 201, 201]);
    const [order] = sim.records('Order');
    assert.equal(order?.['TotalAmount'], 82.5);
    assert.equal(sim.records('OrderItem').length, 2);
  });

  it('saves sObject collections record by record: one bad record never fails its batch mates; allOrNone rolls back', async () => {
    const contacts = [
      { [EXT]: 'C-1', FirstName: 'Ana', LastName: 'Lima', Email: 'ana@example.com' },
      { [EXT]: 'C-2', FirstName: 'Ben', Email: 'ben@example.com' },
      { [EXT]: 'C-3', FirstName: 'Chloé', LastName: 'Dubois' },
    ];
    const results = (await conn.sobject('Contact').upsert(contacts, EXT)) as { success: boolean; created?: boolean; errors: { statusCode: string; fields: string[] }[] }[];
    assert.deepEqual(results.map((r) => r.success), [true, false, true]);
    assert.equal(results[1]!.errors[0]!.statusCode, 'REQUIRED_FIELD_MISSING');
    assert.deepEqual(results[1]!.errors[0]!.fields, ['LastName']);
    assert.equal(sim.records('Contact').length, 2);

    const allOrNone = (await conn.sobject('Account').create([{ Name: 'Ok Co' }, { Phone: 'no name' }], { allOrNone: true })) as { success: boolean; errors: { statusCode: string }[] }[];
    assert.deepEqual(allOrNone.map((r) => r.errors[0]?.statusCode), ['ALL_OR_NONE_OPERATION_ROLLED_BACK', 'REQUIRED_FIELD_MISSING']);
    assert.equal(sim.records('Account').length, 0);
  });

  it('pages queries with nextRecordsUrl and answers relationship fields, IN and ORDER BY', async () => {
    const result = await conn.query<{ Id: string; Product2: { ProductCode: string } }>(
      `SELECT Id, UnitPrice, Product2.ProductCode FROM PricebookEntry WHERE Pricebook2Id = '${sim.standardPricebookId}' ORDER BY UnitPrice DESC`,
    ).run({ autoFetch: true, maxFetch: 100 });
    assert.equal(result.totalSize, 5);
    assert.equal(result.records.length, 5, 'three pages of 3, 2 fetched by jsforce');
    assert.equal(result.records[0]?.Product2.ProductCode, 'TRB-BTL-750');
    const first = await conn.query(`SELECT Id FROM PricebookEntry`);
    assert.equal(first.done, false);
    assert.match(first.nextRecordsUrl ?? '', /\/services\/data\/v62\.0\/query\/01g\w+-3$/);
    const codes = await conn.query<{ ProductCode: string }>("SELECT ProductCode FROM Product2 WHERE ProductCode IN ('TRB-TEE-M', 'TRB-CAP-NVY') AND IsActive = true ORDER BY ProductCode");
    assert.deepEqual(codes.records.map((r) => r.ProductCode), ['TRB-CAP-NVY', 'TRB-TEE-M']);
    assert.equal((await failureOf(conn.query('SELECT Nope FROM Account'))).errorCode, 'INVALID_FIELD');
  });

  it('reports Sforce-Limit-Info on every reply and answers REQUEST_LIMIT_EXCEEDED (403) at the daily limit', async () => {
    await conn.query('SELECT Id FROM Account');
    const { used } = sim.apiUsage();
    assert.deepEqual(conn.limitInfo.apiUsage, { used, limit: 15_000 });
    sim.setDailyLimit(used + 1);
    await conn.query('SELECT Id FROM Account');
    const refused = await failureOf(conn.query('SELECT Id FROM Account'));
    assert.equal(refused.errorCode, 'REQUEST_LIMIT_EXCEEDED');
    assert.equal(refused.message, 'TotalRequests Limit exceeded.');
    assert.deepEqual(conn.limitInfo.apiUsage, { used: used + 1, limit: used + 1 });
  });

  it('answers INVALID_SESSION_ID (401) for an expired token', async () => {
    const bare = new jsforce.Connection({ instanceUrl: conn.instanceUrl, accessToken: conn.accessToken ?? '', version: '62.0' });
    sim.setFaults({ expireTokens: true });
    const expired = await failureOf(bare.query('SELECT Id FROM Account'));
    assert.equal(expired.errorCode, 'INVALID_SESSION_ID');
    assert.equal(expired.message, 'Session expired or invalid');
  });

  it('streams CDC over CometD: replay -1 (new only), -2 (all retained) and after an id; our writes carry our changeOrigin', async () => {
    const first = await conn.sobject('Account').create({ Name: 'Before Subscribe Ltd' });
    const second = await conn.sobject('Account').create({ Name: 'Second Before Ltd' });
    const events = sim.cdcEvents();
    assert.equal(events.length, 2);

    const fresh: ChangeEventMessage['data'][] = [];
    const all: ChangeEventMessage['data'][] = [];
    const afterFirst: ChangeEventMessage['data'][] = [];
    await subscribed(stream(conn, '/data/AccountChangeEvent', -1).subscribe('/data/AccountChangeEvent', (m) => fresh.push(m)));
    await subscribed(stream(conn, '/data/AccountChangeEvent', -2).subscribe('/data/AccountChangeEvent', (m) => all.push(m)));
    await subscribed(stream(conn, '/data/AccountChangeEvent', events[0]!.data.event.replayId).subscribe('/data/AccountChangeEvent', (m) => afterFirst.push(m)));
    await waitFor(() => all.length === 2 && afterFirst.length === 1, { timeoutMs: 5000, what: 'replayed events' });
    assert.deepEqual(afterFirst.map((m) => m.payload.ChangeEventHeader.recordIds[0]), [second.id]);

    await conn.sobject('Account').update({ Id: first.id!, Phone: '+1 604 555 0199', BillingCity: 'Vancouver' });
    await waitFor(() => fresh.length === 1, { timeoutMs: 5000, what: 'the new event' });
    const update = fresh[0]!;
    const header = update.payload.ChangeEventHeader;
    assert.equal(header.changeType, 'UPDATE');
    assert.equal(header.changeOrigin, 'com/salesforce/api/rest/62.0;client=tributary');
    assert.equal(header.commitUser, sim.integrationUsers[CLIENT.clientId]);
    assert.deepEqual([...header.changedFields].sort(), ['BillingAddress.City', 'LastModifiedDate', 'Phone']);
    assert.equal(update.payload['Phone'], '+1 604 555 0199');
    assert.deepEqual(update.payload['BillingAddress'], { City: 'Vancouver' });
    assert.equal(update.payload['Name'], undefined, 'UPDATE carries only changed fields');
    assert.ok(update.event.replayId > events[1]!.data.event.replayId);
  });

  it("delivers a sales rep's change with an empty changeOrigin and the rep as commitUser", async () => {
    const account = await conn.sobject('Account').create({ Name: 'Trailhead Supply Co', [EXT]: 'CUST-880' });
    const contact = await conn.sobject('Contact').create({ AccountId: account.id, FirstName: 'Jo', LastName: 'Park', Phone: '555-0100', [EXT]: 'CUST-880' });
    const received: ChangeEventMessage['data'][] = [];
    await subscribed(stream(conn, '/data/ContactChangeEvent', -1).subscribe('/data/ContactChangeEvent', (m) => received.push(m)));
    sim.changeAsSalesRep('Contact', contact.id!, { Phone: '555-0199' });
    await waitFor(() => received.length === 1, { timeoutMs: 5000, what: "the rep's change" });
    const header = received[0]!.payload.ChangeEventHeader;
    assert.deepEqual([header.changeOrigin, header.commitUser, header.recordIds], ['', sim.salesRepUserId, [contact.id]]);
    assert.equal(received[0]!.payload['Phone'], '555-0199');
  });

  it('emits GAP_* and GAP_OVERFLOW events (header only) and honours the duplicate/reorder delivery faults', async () => {
    const received: ChangeEventMessage['data'][] = [];
    await subscribed(stream(conn, '/data/ChangeEvents', -1).subscribe('/data/ChangeEvents', (m) => received.push(m)));
    const a = await conn.sobject('Account').create({ Name: 'Gap One' });
    await waitFor(() => received.length === 1, { timeoutMs: 5000, what: 'the create' });
    sim.emitGap('Account', [a.id!]);
    sim.emitOverflow('Contact');
    await waitFor(() => received.length === 3, { timeoutMs: 5000, what: 'gap and overflow' });
    assert.deepEqual(received.slice(1).map((m) => [m.payload.ChangeEventHeader.changeType, m.payload.ChangeEventHeader.recordIds]), [['GAP_UPDATE', [a.id]], ['GAP_OVERFLOW', ['003*']]]);
    assert.deepEqual(Object.keys(received[1]!.payload), ['ChangeEventHeader']);

    sim.setFaults({ duplicateEvents: 1, reorderEvents: 1 });
    await conn.sobject('Account').create([{ Name: 'Batch A' }, { Name: 'Batch B' }]);
    await waitFor(() => received.length === 6, { timeoutMs: 5000, what: 'faulty delivery' });
    const ids = received.slice(3).map((m) => m.event.replayId);
    assert.equal(new Set(ids).size, 2, 'one of the two events came twice');
    assert.ok(ids[0]! > ids.at(-1)!, 'delivered out of order');
  });

  it('re-handshakes after 403::Unknown client and resumes from the last replay id the Replay extension saw', async () => {
    const received: ChangeEventMessage['data'][] = [];
    await subscribed(stream(conn, '/data/AccountChangeEvent', -1).subscribe('/data/AccountChangeEvent', (m) => received.push(m)));
    await conn.sobject('Account').create({ Name: 'Before The Drop' });
    await waitFor(() => received.length === 1, { timeoutMs: 5000, what: 'the first event' });
    sim.setFaults({ unknownClient: true });
    await conn.sobject('Account').create({ Name: 'While Forgotten' });
    await waitFor(() => received.length === 2, { timeoutMs: 10_000, what: 'the event written while the client was unknown' });
    assert.equal(received[1]!.payload['Name'], 'While Forgotten');
    assert.equal(new Set(received.map((m) => m.event.replayId)).size, 2, 'nothing delivered twice');
  });

  it('refuses a replay id outside the retention window with the Salesforce error', async () => {
    const short = await startSalesforceSimulator({ clients: [CLIENT], cometdTimeoutMs: 500, replayRetentionMs: 200 });
    try {
      const c = new jsforce.Connection({ oauth2: { loginUrl: short.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret }, version: '62.0' });
      await c.authorize({ grant_type: 'client_credentials' });
      await c.sobject('Account').create({ Name: 'Soon Forgotten' });
      const replayId = short.cdcEvents()[0]!.data.event.replayId;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const client = stream(c, '/data/AccountChangeEvent', replayId);
      await assert.rejects(subscribed(client.subscribe('/data/AccountChangeEvent', () => undefined)), /400::The replayId \{\d+\} you provided was invalid/);
      client.disconnect();
    } finally {
      await short.close();
    }
  });

  it('rejects a CometD handshake with an expired token (403::Handshake denied, reconnect none) so AuthFailure fires', async () => {
    sim.setFaults({ expireTokens: true });
    const failures: { error?: string; ext?: { sfdc?: { failureReason?: string } } }[] = [];
    stream(conn, '/data/AccountChangeEvent', -1, (m) => failures.push(m as { error?: string })).subscribe('/data/AccountChangeEvent', () => undefined);
    await waitFor(() => failures.length > 0, { timeoutMs: 5000, what: 'AuthFailure' });
    assert.equal(failures[0]!.error, '403::Handshake denied');
    assert.equal(failures[0]!.ext?.sfdc?.failureReason, '401::Authentication invalid');
  });
});

describe('SalesforceClient ⇄ Salesforce simulator contract', () => {
  let sim: SalesforceSimulator;
  let client: SalesforceClient;
  const requests: { operation: string; status: string }[] = [];
  const usage: SalesforceApiUsage[] = [];

  before(async () => {
    sim = await startSalesforceSimulator({ clients: [CLIENT], cometdTimeoutMs: 800, queryPageSize: 2, seed: 11 });
  });
  after(async () => {
    await client.close();
    await sim.close();
  });
  beforeEach(async () => {
    await client?.close();
    sim.reset();
    requests.length = 0;
    usage.length = 0;
    client = new SalesforceClient({
      loginUrl: sim.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, clientName: 'tributary', timeoutMs: 5000,
      onRequest: (e) => requests.push(e), onLimits: (u) => usage.push(u),
    });
  });

  it('upserts accounts in one collection call with outcomes per record, and reads limits from Sforce-Limit-Info', async () => {
    const outcomes = await client.upsertAccounts([
      { [EXT]: 'CUST-1001', Name: 'Fjord Kayaks AS', BillingCountry: 'Norway' },
      { [EXT]: 'CUST-1002', Phone: 'missing a name' },
      { Name: 'no external id' },
      { [EXT]: 'CUST 1003/β', Name: 'Ünal & Söhne GmbH' },
    ], EXT);
    assert.deepEqual(outcomes.map((o) => (o.kind === 'saved' ? `saved:${o.created}` : o.error.code)), ['saved:true', 'SALESFORCE.REQUIRED_FIELD_MISSING', 'SALESFORCE.MISSING_EXTERNAL_ID', 'saved:true']);
    const failed = outcomes[1]!;
    assert.ok(failed.kind === 'failed' && !failed.error.transient && failed.error.message === 'Required fields are missing: [Name]');
    assert.equal(requests.filter((r) => r.operation === 'upsert Account').length, 1, 'one API call for the batch');
    const again = await client.upsertAccounts([{ [EXT]: 'CUST-1001', Name: 'Fjord Kayaks AS' }], EXT);
    assert.deepEqual(again, [{ kind: 'saved', id: (outcomes[0] as { id: string }).id, created: false }]);
    assert.equal(client.limits()?.used, sim.apiUsage().used);
    assert.equal(client.limits()?.limit, 15_000);
    assert.ok(usage.length >= 1);
  });

  it('upserts one record with an encoded external id, and finds it; 300 becomes MULTIPLE_MATCHES with the ids', async () => {
    const created = await client.upsert('Contact', EXT, 'C/1 x#2', { LastName: 'Okafor', FirstName: 'Ngozi' });
    assert.equal(created.created, true);
    assert.equal(sim.records('Contact')[0]?.[EXT], 'C/1 x#2');
    const found = await client.findByExternalId('Contact', EXT, 'C/1 x#2', ['Id', 'LastName']);
    assert.equal(found?.['Id'], created.id);
    assert.equal(await client.findByExternalId('Contact', EXT, 'nobody'), null);
    const ids = [sim.seedRecord('Account', { Name: 'Dup A', Legacy_Customer_Number__c: 'L-1' }), sim.seedRecord('Account', { Name: 'Dup B', Legacy_Customer_Number__c: 'L-1' })];
    for (const attempt of [client.upsert('Account', 'Legacy_Customer_Number__c', 'L-1', { Name: 'Dup' }), client.findByExternalId('Account', 'Legacy_Customer_Number__c', 'L-1')]) {
      await assert.rejects(attempt, (e: unknown) => e instanceof IntegrationError && e.code === 'SALESFORCE.MULTIPLE_MATCHES' && !e.transient && JSON.stringify([...(e.details['ids'] as string[])].sort()) === JSON.stringify([...ids].sort()));
    }
    const inBatch = await client.upsertAccounts([{ Legacy_Customer_Number__c: 'L-1', Name: 'Dup' }], 'Legacy_Customer_Number__c');
    assert.ok(inBatch[0]?.kind === 'failed' && inBatch[0].error.code === 'SALESFORCE.MULTIPLE_MATCHES');
    assert.deepEqual([...(inBatch[0].error.details['ids'] as string[])].sort(), [...ids].sort());
  });

  it('classifies a lost upsert race as transient DUPLICATE_VALUE; retried, it updates', async () => {
    sim.setFaults({ upsertRace: 1 });
    const [raced] = await client.upsertAccounts([{ [EXT]: 'CUST-2001', Name: 'Race Condition Ltd' }], EXT);
    assert.ok(raced?.kind === 'failed' && raced.error.code === 'SALESFORCE.DUPLICATE_VALUE' && raced.error.transient);
    const [retried] = await client.upsertAccounts([{ [EXT]: 'CUST-2001', Name: 'Race Condition Ltd' }], EXT);
    assert.ok(retried?.kind === 'saved' && retried.created === false);
    assert.equal(sim.records('Account').length, 1);
  });

  it('queries every page, caches the standard price book and entries by ProductCode, and runs an order composite', async () => {
    const products = await client.query<{ ProductCode: string }>('SELECT ProductCode FROM Product2 ORDER BY ProductCode');
    assert.equal(products.records.length, 5);
    assert.ok(requests.filter((r) => r.operation === 'queryMore').length >= 2);
    const book = await client.standardPricebookId();
    assert.equal(book, sim.standardPricebookId);
    const entries = await client.pricebookEntries(['TRB-MUG-12OZ', 'TRB-TEE-M', 'NO-SUCH-SKU']);
    assert.deepEqual([...entries.keys()].sort(), ['TRB-MUG-12OZ', 'TRB-TEE-M']);
    const calls = requests.length;
    await client.pricebookEntries(['TRB-MUG-12OZ', 'NO-SUCH-SKU']);
    assert.equal(requests.length, calls, 'served from the cache, the unknown SKU included');

    const [account] = await client.upsertAccounts([{ [EXT]: 'CUST-3001', Name: 'Summit Gear Co-op' }], EXT);
    assert.ok(account?.kind === 'saved');
    const mug = entries.get('TRB-MUG-12OZ')!;
    const tee = entries.get('TRB-TEE-M')!;
    const results = await client.composite([
      { method: 'POST', url: '/sobjects/Order', referenceId: 'order', body: { AccountId: account.id, EffectiveDate: '2026-11-25', Status: 'Draft', Pricebook2Id: book, Clarity_Order_Id__c: 'ORD-3001' } },
      { method: 'POST', url: '/sobjects/OrderItem', referenceId: 'item1', body: { OrderId: '@{order.id}', PricebookEntryId: mug.id, Quantity: 3, UnitPrice: mug.unitPrice } },
      { method: 'POST', url: '/sobjects/OrderItem', referenceId: 'item2', body: { OrderId: '@{order.id}', PricebookEntryId: tee.id, Quantity: 1, UnitPrice: 21.6 } },
    ], true);
    assert.deepEqual(results.map((r) => r.httpStatusCode), [201, 201, 201]);
    assert.equal(sim.records('Order')[0]?.['TotalAmount'], 104.1);
    const failed = await client.composite([
      { method: 'POST', url: '/sobjects/Order', referenceId: 'order', body: { AccountId: account.id, EffectiveDate: '2026-11-26', Status: 'Draft', Pricebook2Id: book } },
      { method: 'POST', url: '/sobjects/OrderItem', referenceId: 'item1', body: { OrderId: '@{order.id}', PricebookEntryId: mug.id, UnitPrice: 1 } },
    ], true);
    assert.deepEqual(failed.map((r) => r.error?.code), ['SALESFORCE.PROCESSING_HALTED', 'SALESFORCE.REQUIRED_FIELD_MISSING']);
    assert.equal(sim.records('Order').length, 1);
  });

  it('authorises again once when the token expires mid-run, shared by concurrent calls', async () => {
    await client.authorize();
    const before = sim.tokensIssued();
    sim.setFaults({ expireTokens: true });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => client.upsertContacts([{ [EXT]: `CUST-40${i}`, LastName: `Nguyen ${i}` }], EXT)));
    assert.ok(results.every(([o]) => o?.kind === 'saved'));
    assert.equal(sim.tokensIssued(), before + 1);
    assert.equal(client.identity()?.userId, sim.integrationUsers[CLIENT.clientId]);
  });

  it('classifies REQUEST_LIMIT_EXCEEDED as transient SALESFORCE.LIMIT with a long retry, and a 503 as transient', async () => {
    await client.query('SELECT Id FROM Account');
    sim.setDailyLimit(sim.apiUsage().used);
    await assert.rejects(client.query('SELECT Id FROM Account'), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'SALESFORCE.LIMIT' && e.transient && (e.details['retryAfterMs'] as number) >= 60_000);
    sim.setDailyLimit(15_000);
    sim.setFaults({ rate5xx: 1 });
    await assert.rejects(client.upsertAccounts([{ [EXT]: 'CUST-5', Name: 'X' }], EXT), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'SALESFORCE.UNAVAILABLE' && e.transient && e.details['outcomeUnknown'] === true);
    sim.clearFaults();
    const bad = new SalesforceClient({ loginUrl: sim.url, clientId: CLIENT.clientId, clientSecret: 'wrong', clientName: 'tributary' });
    await assert.rejects(bad.authorize(), (e: unknown) => e instanceof IntegrationError && e.code === 'SALESFORCE.AUTH_FAILED' && e.transient && !e.message.includes('wrong'));
  });

  it('subscribes to changes from -2 and a replay id, marks our echoes, and re-subscribes from the checkpoint after an auth failure', async () => {
    const identity = await client.authorize();
    const [account] = await client.upsertAccounts([{ [EXT]: 'CUST-6001', Name: 'Echo Valley Farms' }], EXT);
    assert.ok(account?.kind === 'saved');
    const seen: SalesforceChangeEvent[] = [];
    const errors: IntegrationError[] = [];
    const subscription = await client.subscribeChanges(['/data/AccountChangeEvent', '/data/ContactChangeEvent'], -2, (event) => {
      seen.push(event);
    }, { onError: (e) => errors.push(e) });
    await waitFor(() => seen.length === 1, { timeoutMs: 5000, what: 'the retained create' });
    assert.ok(isEcho(seen[0]!, { clientName: 'tributary', integrationUserId: identity.userId }));

    sim.changeAsSalesRep('Account', account.id, { Phone: '+44 20 7946 0958' });
    await waitFor(() => seen.length === 2, { timeoutMs: 5000, what: "the rep's change" });
    assert.equal(isEcho(seen[1]!, { clientName: 'tributary', integrationUserId: identity.userId }), false);
    assert.deepEqual(seen[1]!.fields, { Phone: '+44 20 7946 0958', LastModifiedDate: seen[1]!.fields['LastModifiedDate'] });

    sim.setFaults({ expireTokens: true });
    sim.changeAsSalesRep('Account', account.id, { Website: 'https://echo-valley.example' });
    await waitFor(() => seen.length === 3, { timeoutMs: 10_000, what: 'the change made while the token was expired' });
    assert.equal(subscription.resubscriptions(), 1);
    assert.equal(seen[2]!.fields['Website'], 'https://echo-valley.example');
    assert.equal(subscription.lastReplayIds()['/data/AccountChangeEvent'], seen[2]!.replayId);
    assert.deepEqual(errors, []);
    await subscription.close();

    const resumed: SalesforceChangeEvent[] = [];
    const fromCheckpoint = await client.subscribeChanges(['/data/AccountChangeEvent'], { '/data/AccountChangeEvent': seen[1]!.replayId }, (e) => {
      resumed.push(e);
    });
    await waitFor(() => resumed.length === 1, { timeoutMs: 5000, what: 'the event after the checkpoint' });
    assert.equal(resumed[0]!.replayId, seen[2]!.replayId);
    await fromCheckpoint.close();
  });

  it('rejects a subscription from an expired replay id with SALESFORCE.REPLAY_ID_INVALID', async () => {
    const short = await startSalesforceSimulator({ clients: [CLIENT], cometdTimeoutMs: 500, replayRetentionMs: 150 });
    const shortClient = new SalesforceClient({ loginUrl: short.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, clientName: 'tributary' });
    try {
      await shortClient.upsertAccounts([{ [EXT]: 'CUST-7001', Name: 'Gone Tomorrow Inc' }], EXT);
      const replayId = short.cdcEvents()[0]!.data.event.replayId;
      await new Promise((resolve) => setTimeout(resolve, 250));
      await assert.rejects(shortClient.subscribeChanges(['/data/AccountChangeEvent'], replayId, () => undefined), (e: unknown) =>
        e instanceof IntegrationError && e.code === 'SALESFORCE.REPLAY_ID_INVALID' && !e.transient);
    } finally {
      await shortClient.close();
      await short.close();
    }
  });
});
