import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IntegrationError } from '@tributary/core';
import { IntacctClient, type IntacctSalesOrder } from '@tributary/connectors-intacct';
import { startIntacctSimulator, type IntacctSimulator } from '@tributary/simulator-intacct';

/** The connector against the simulator, two independent implementations of the same wire format. */
describe('IntacctClient ⇄ Intacct simulator contract', () => {
  let simulator: IntacctSimulator;
  let client: IntacctClient;
  const credentials = { senderId: 'contract-sender', senderPassword: 'sp', companyId: 'ACME-MULTI', userId: 'ws_user', userPassword: 'up', entityId: 'CA' };

  before(async () => {
    simulator = await startIntacctSimulator({ port: 0, senderId: credentials.senderId, senderPassword: credentials.senderPassword, users: [{ companyId: credentials.companyId, userId: credentials.userId, password: credentials.userPassword }] });
    client = new IntacctClient({ endpointUrl: simulator.url, credentials, timeoutMs: 1000 });
  });
  after(async () => { await client.close(); await simulator.close(); });

  const order: IntacctSalesOrder = {
    transactionType: 'Sales Order', dateCreated: { year: 2026, month: 11, day: 25 }, customerId: 'WEBSALES', referenceNo: 'CL-7001',
    externalId: '7001', message: 'Clarity order CL-7001 — "gift" & <fragile>', currency: 'CAD', baseCurrency: 'USD', exchangeRate: '1.3912',
    exchangeRateDate: { year: 2026, month: 11, day: 24 }, state: 'Pending', projectId: 'HOLIDAY-2026',
    lines: [
      { itemId: 'TRB-MUG-12OZ', itemDesc: 'Ceramic mug 12 oz', quantity: 2, price: '27.50', warehouseId: 'WH-TORONTO', locationId: 'CA-ON', departmentId: 'ECOM', projectId: 'HOLIDAY-2026', classId: 'DRINKWARE', customerDimensionId: 'WEBSALES' },
    ],
    subtotals: [{ description: 'Discount', total: '-5.00' }, { description: 'Shipping', total: '12.00' }, { description: 'Tax', total: '6.50' }],
  };

  it('creates a document with dimensions, state, exchange rate and entity, and finds it by reference', async () => {
    const { key } = await client.createSalesOrder(order, { controlId: 'so-create-7001' });
    const stored = simulator.documents().find((d) => d.docId === key)!;
    assert.equal(stored.total, '68.50');
    assert.equal(stored.message, order.message, 'XML escaping round-trips');
    assert.equal(stored.exchangeRate, '1.3912');
    assert.equal(stored.exchangeRateDate, '2026-11-24');
    assert.equal(stored.entityId, 'CA');
    assert.deepEqual(
      { locationId: stored.lines[0]?.locationId, departmentId: stored.lines[0]?.departmentId, projectId: stored.lines[0]?.projectId, classId: stored.lines[0]?.classId, customer: stored.lines[0]?.customerDimensionId },
      { locationId: 'CA-ON', departmentId: 'ECOM', projectId: 'HOLIDAY-2026', classId: 'DRINKWARE', customer: 'WEBSALES' },
    );
    const found = await client.findSalesDocumentByReference('Sales Order', 'CL-7001');
    assert.equal(found?.key, key);
    assert.equal(found?.total, '68.50');
    assert.equal(await client.findSalesDocumentByReference('Sales Order', "CL-O'Brien"), null, 'quotes in the reference are escaped');
  });

  it('refuses a replayed controlid as DUPLICATE_CONTROLID (permanent), storing nothing', async () => {
    const before = simulator.documents().length;
    await assert.rejects(client.createSalesOrder(order, { controlId: 'so-create-7001' }), (e: unknown) => e instanceof IntegrationError && e.code === 'INTACCT.DUPLICATE_CONTROLID' && !e.transient);
    assert.equal(simulator.documents().length, before);
  });

  it('reports a commit whose reply timed out as a transient unknown outcome; the lookup then finds it', async () => {
    simulator.setFaults({ commitThenFail: 1, commitThenFailMode: 'hang' });
    await assert.rejects(client.createSalesOrder({ ...order, referenceNo: 'CL-7002' }, { controlId: 'so-create-7002' }), (e: unknown) =>
      e instanceof IntegrationError && e.transient && e.details['outcomeUnknown'] === true);
    assert.ok(await client.findSalesDocumentByReference('Sales Order', 'CL-7002'));
  });

  it('signs in again once when the session expired', async () => {
    simulator.expireSessions();
    const { key } = await client.createSalesOrder({ ...order, referenceNo: 'CL-7003' }, { controlId: 'so-create-7003' });
    assert.ok(key.startsWith('Sales Order-'));
  });
});
