import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dateUpdatedFrom, sage100Requests } from './sage100-requests.js';

describe('building facade requests', () => {
  it('encodes path parameters and leaves empty filters out of the query', () => {
    assert.equal(sage100Requests.getItem('MUG/12 OZ#2').path, '/CI/Item/MUG%2F12%20OZ%232');
    assert.equal(sage100Requests.getCustomer('01', 'O&CONNELL').path, '/AR/Customer/01/O%26CONNELL');
    assert.equal(sage100Requests.listSalesOrders({ CustomerPONo: 'CL 10045&x', PageSize: 50 }).path, '/SO/SalesOrder?CustomerPONo=CL+10045%26x&PageSize=50');
    assert.equal(sage100Requests.searchCustomers({ EmailAddress: 'a+b@example.com' }).path, '/AR/Customer?EmailAddress=a%2Bb%40example.com');
    assert.equal(sage100Requests.listPaymentTypes({}).path, '/AR/PaymentType');
  });

  it('sends bodies as given, with the method of the operation', () => {
    const change = { ShipVia: 'UPS GROUND' };
    assert.deepEqual(sage100Requests.updateSalesOrder('0000042', change), { operation: 'updateSalesOrder', method: 'PATCH', path: '/SO/SalesOrder/0000042', body: change });
    assert.deepEqual(sage100Requests.createCustomer('01', 'JALVAREZ', { CustomerName: 'Jordan Alvarez' }).method, 'POST');
  });

  it('turns a watermark into an inclusive UTC DateUpdatedFrom truncated to the second', () => {
    assert.equal(dateUpdatedFrom(Date.parse('2026-11-25T14:03:09.999Z')), '2026-11-25T14:03:09');
    assert.equal(dateUpdatedFrom(0), '1970-01-01T00:00:00');
    assert.throws(() => dateUpdatedFrom(Number.NaN), RangeError);
  });
});
