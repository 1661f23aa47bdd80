import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { customerPoNo, MAX_CUSTOMER_PO } from './customer-po.js';
import { sage100CustomerNo } from './customer.js';

describe('CustomerPONo and CustomerNo', () => {
  it('keeps an order number that fits and shortens a longer one deterministically', () => {
    assert.equal(customerPoNo('CL-100234'), 'CL-100234');
    const long = customerPoNo('MKT-AMZ-114-5520183-9912345');
    assert.equal(long.length, MAX_CUSTOMER_PO);
    assert.equal(long, customerPoNo('MKT-AMZ-114-5520183-9912345'), 'the same number always gives the same PO');
    assert.notEqual(long, customerPoNo('MKT-AMZ-114-5520183-9912346'), 'numbers with the same head differ');
    assert.match(customerPoNo('CL-STOCK-SPLIT', '-BO'), /^CL-STO~[0-9A-F]{8}$/);
  });

  it('derives a 20-character upper-case CustomerNo from the Clarity customer id', () => {
    assert.equal(sage100CustomerNo('cust-8841', 'CL'), 'CLCUST-8841');
    const hashed = sage100CustomerNo('c0a8f3e2-77b1-4c9e-9d5a-3f2b1e0d9c8b', 'CL');
    assert.ok(hashed.length <= 20 && /^[A-Z0-9]+$/.test(hashed));
    assert.equal(hashed, sage100CustomerNo('c0a8f3e2-77b1-4c9e-9d5a-3f2b1e0d9c8b', 'CL'));
  });
});
