import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { IntacctClient, type IntacctGlBatch } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';

/** GLBATCH journals and the ITEM master: the real connector against the simulator. */
describe('IntacctClient ⇄ Intacct simulator contract: journals and items', () => {
  let simulator: IntacctSimulator;
  let client: IntacctClient;
  const credentials = { senderId: 'contract-sender', senderPassword: 'sp', companyId: 'ACME-MULTI', userId: 'ws_user', userPassword: 'up', entityId: 'CA' };

  before(async () => {
    simulator = await startIntacctSimulator({
      port: 0,
      senderId: credentials.senderId,
      senderPassword: credentials.senderPassword,
      users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }],
      items: ['TRB-FILTER-100'],
      itemMaster: [
        { itemId: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz', basePrice: '27.50', description: 'Glazed stoneware' },
        { itemId: 'TRB-TEA-SENCHA', name: 'Sencha green tea 250 g', basePrice: '14.50' },
      ],
    });
    client = new IntacctClient({ endpointUrl: simulator.url, credentials, timeoutMs: 1000 });
  });
  after(async () => { await client.close(); await simulator.close(); });

  /** Clarity order CL-7201 paid through Stripe: payout and fee against the receivable, in CAD. */
  const settlement: IntacctGlBatch = {
    journal: 'GJ', batchDate: { year: 2026, month: 11, day: 25 }, title: 'Stripe payout for Clarity order CL-7201 — "net" & fees', referenceNo: 'CL-7201',
    entries: [
      { accountNo: '1010', amount: '65.79', type: 'debit', currency: 'CAD', description: 'Stripe payout po_7201', locationId: 'CA-ON', departmentId: 'ECOM' },
      { accountNo: '6120', amount: '2.71', type: 'debit', currency: 'CAD', description: 'Stripe fee', locationId: 'CA-ON', departmentId: 'FIN' },
      { accountNo: '1200', amount: '68.50', type: 'credit', currency: 'CAD', description: 'Clarity order CL-7201', locationId: 'CA-ON', customerId: 'WEBSALES' },
    ],
  };

  it('creates a balanced journal entry, finds it by reference and reads its lines back', async () => {
    const { recordNo } = await client.createGlBatch(settlement, { controlId: 'gl-create-7201' });
    const stored = simulator.glBatches().find((b) => b.recordNo === recordNo)!;
    assert.equal(stored.title, settlement.title, 'XML escaping round-trips');
    assert.equal(stored.batchDate, '11/25/2026');
    assert.equal(stored.state, 'Posted');
    assert.deepEqual(stored.entries.map((e) => [e.accountNo, e.trType, e.amount, e.location, e.department, e.customerId]), [
      ['1010', 1, '65.79', 'CA-ON', 'ECOM', undefined],
      ['6120', 1, '2.71', 'CA-ON', 'FIN', undefined],
      ['1200', -1, '68.50', 'CA-ON', undefined, 'WEBSALES'],
    ]);

    const found = await client.findGlBatchByReference('CL-7201');
    assert.deepEqual(found, { recordNo, batchNo: stored.batchNo, referenceNo: 'CL-7201', state: 'Posted' });
    assert.equal(await client.findGlBatchByReference("CL-O'Brien"), null, 'quotes in the reference are escaped');

    const lines = await client.listGlEntries(recordNo);
    assert.deepEqual(lines.map((l) => [l.lineNo, l.accountNo, l.type, l.amount, l.locationId, l.departmentId, l.customerId]), [
      [1, '1010', 'debit', '65.79', 'CA-ON', 'ECOM', undefined],
      [2, '6120', 'debit', '2.71', 'CA-ON', 'FIN', undefined],
      [3, '1200', 'credit', '68.50', 'CA-ON', undefined, 'WEBSALES'],
    ]);
    await assert.rejects(client.createGlBatch(settlement, { controlId: 'gl-create-7201' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.DUPLICATE_CONTROLID' && !e.transient);
  });

  it('refuses an unbalanced journal entry as a permanent BUSINESS_ERROR naming both totals, storing nothing', async () => {
    const before = simulator.glBatches().length;
    const unbalanced: IntacctGlBatch = {
      ...settlement, referenceNo: 'CL-7202',
      entries: [
        { accountNo: '1200', amount: '0.10', type: 'debit' },
        { accountNo: '1200', amount: '0.20', type: 'debit' },
        { accountNo: '4000', amount: '0.31', type: 'credit' },
      ],
    };
    await assert.rejects(client.createGlBatch(unbalanced, { controlId: 'gl-create-7202' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && /debits 0\.30 and credits 0\.31 do not balance/.test(e.message));
    assert.equal(simulator.glBatches().length, before);
    assert.equal(await client.findGlBatchByReference('CL-7202'), null);
    const balanced = await client.createGlBatch({ ...unbalanced, state: 'Draft', entries: [...unbalanced.entries.slice(0, 2), { accountNo: '4000', amount: '0.30', type: 'credit' }] }, { controlId: 'gl-create-7202-b' });
    assert.equal((await client.findGlBatchByReference('CL-7202'))?.recordNo, balanced.recordNo, '0.10 + 0.20 balances 0.30 exactly');
    assert.equal((await client.findGlBatchByReference('CL-7202'))?.state, 'Draft');
  });

  it('reports a journal entry whose reply was lost as a transient unknown outcome; the lookup then finds it', async () => {
    simulator.setFaults({ commitThenFail: 1 });
    await assert.rejects(client.createGlBatch({ ...settlement, referenceNo: 'CL-7203' }, { controlId: 'gl-create-7203' }), (e: unknown) =>
      e instanceof IntegrationError && e.transient && e.details['outcomeUnknown'] === true);
    assert.ok(await client.findGlBatchByReference('CL-7203'));
  });

  /** WHENMODIFIED has one-second precision: start in a fresh second so the seeded items are older. */
  const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));

  it('updates an item and sees the change in listItemsChangedSince (inclusive, to the second)', async () => {
    await nextSecond();
    const before = Date.now();
    await client.updateItem({ itemId: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz & saucer', basePrice: '29.00', description: '' }, { controlId: 'item-update-7301' });
    const changed = await client.listItemsChangedSince(before);
    assert.deepEqual(changed.map((i) => [i.itemId, i.name, i.basePrice, i.description, i.status]), [['TRB-MUG-12OZ', 'Ceramic mug 12 oz & saucer', '29.00', undefined, 'active']]);
    const stored = simulator.items().find((i) => i.itemId === 'TRB-MUG-12OZ')!;
    assert.equal(stored.version, 2);
    assert.equal(changed[0]?.modifiedAt, Math.floor(Date.parse(stored.modifiedAt) / 1000) * 1000, 'WHENMODIFIED round-trips as UTC');
    const all = await client.listItemsChangedSince(0);
    assert.deepEqual(all.map((i) => i.itemId).sort(), ['TRB-FILTER-100', 'TRB-MUG-12OZ', 'TRB-TEA-SENCHA']);
    assert.equal(all.find((i) => i.itemId === 'TRB-FILTER-100')?.basePrice, '0.00');
  });

  it('sees an item changed in the Intacct UI (admin route) in the next poll', async () => {
    await nextSecond();
    const since = Date.now();
    const posted = await fetch(`${simulator.adminUrl}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ itemId: 'TRB-TEA-SENCHA', basePrice: '15.25', status: 'inactive', description: 'Shaded first flush' }),
    });
    assert.equal(posted.status, 200);
    const changed = await client.listItemsChangedSince(since);
    assert.deepEqual(changed.map((i) => [i.itemId, i.basePrice, i.status, i.description]), [['TRB-TEA-SENCHA', '15.25', 'inactive', 'Shaded first flush']]);
  });

  it('refuses an unknown item or a negative price as a permanent BUSINESS_ERROR', async () => {
    await assert.rejects(client.updateItem({ itemId: 'TRB-NO-SUCH', name: 'Ghost' }, { controlId: 'item-update-7302' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && !e.transient && /TRB-NO-SUCH/.test(e.message));
    await assert.rejects(client.updateItem({ itemId: 'TRB-MUG-12OZ', basePrice: '-1.00' }, { controlId: 'item-update-7303' }), (e: unknown) =>
      e instanceof IntegrationError && e.code === 'INTACCT.BUSINESS_ERROR' && /BASEPRICE/.test(e.message));
    assert.equal(simulator.items().find((i) => i.itemId === 'TRB-MUG-12OZ')?.basePrice, '29.00');
  });
});
