import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createdRecord } from './created-record.js';
import { createdGlBatchSchema, glBatchRefs, glEntryRows } from './gl-batch-rows.js';
import { parseIntacctResponse } from './intacct-response.js';
import { itemRows } from './item-rows.js';
import { createdObjectReply, listReply } from './reply-fixtures.js';

const dataOf = (xml: string): unknown => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok && parsed.value.kind === 'operation');
  return parsed.value.results[0]?.data;
};

const item = { RECORDNO: '17', ITEMID: 'TRB-MUG-12OZ', NAME: 'Ceramic mug 12 oz &amp; saucer', STATUS: 'active', BASEPRICE: '27.50', SODESCRIPTION: 'Glazed stoneware', WHENMODIFIED: '11/25/2026 23:59:07' };

describe('GLBATCH and GLENTRY replies', () => {
  it('reads the created GLBATCH RECORDNO, and treats success without one as an unknown outcome', () => {
    const created = createdRecord(dataOf(createdObjectReply('g-1', 'glbatch', { RECORDNO: '812' })), createdGlBatchSchema, 'GLBATCH', 'g-1');
    assert.deepEqual(created.ok && created.value, { RECORDNO: '812' });
    const missing = createdRecord(dataOf(listReply('g-2', 'readByQuery', 'glbatch', [])), createdGlBatchSchema, 'GLBATCH', 'g-2');
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'INTACCT.UNAVAILABLE');
    assert.equal(missing.error.details['outcomeUnknown'], true);
  });

  it('reads GLBATCH rows, and a missing <data> is an error rather than "none found"', () => {
    const refs = glBatchRefs(dataOf(listReply('q', 'readByQuery', 'glbatch', [{ RECORDNO: '812', BATCHNO: '41', REFERENCENO: 'CL-7001', STATE: 'Posted' }])));
    assert.deepEqual(refs.ok && refs.value, [{ recordNo: '812', batchNo: '41', referenceNo: 'CL-7001', state: 'Posted' }]);
    assert.deepEqual(glBatchRefs(dataOf(listReply('q', 'readByQuery', 'glbatch', []))).ok, true);
    const none = glBatchRefs(undefined);
    assert.ok(!none.ok && none.error.transient);
  });

  it('reads GLENTRY rows as debit/credit with dimensions, refusing an unknown TR_TYPE', () => {
    const rows = glEntryRows(
      dataOf(
        listReply('q', 'readByQuery', 'glentry', [
          { RECORDNO: '813', LINE_NO: '1', ACCOUNTNO: '1010', TR_TYPE: '1', TRX_AMOUNT: '81.42', CURRENCY: 'CAD', DESCRIPTION: 'Stripe payout', LOCATION: 'CA-ON', DEPARTMENT: 'ECOM', CUSTOMERID: '' },
          { RECORDNO: '814', LINE_NO: '2', ACCOUNTNO: '1200', TR_TYPE: '-1', TRX_AMOUNT: '81.42', CURRENCY: '', DESCRIPTION: '', LOCATION: '', DEPARTMENT: '', CUSTOMERID: 'CL-000501' },
        ]),
      ),
    );
    assert.deepEqual(rows.ok && rows.value, [
      { recordNo: '813', lineNo: 1, accountNo: '1010', amount: '81.42', type: 'debit', currency: 'CAD', description: 'Stripe payout', locationId: 'CA-ON', departmentId: 'ECOM' },
      { recordNo: '814', lineNo: 2, accountNo: '1200', amount: '81.42', type: 'credit', customerId: 'CL-000501' },
    ]);
    const bad = glEntryRows(dataOf(listReply('q', 'readByQuery', 'glentry', [{ RECORDNO: '9', LINE_NO: '1', ACCOUNTNO: '1010', TR_TYPE: 'D', TRX_AMOUNT: '1.00' }])));
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'INTACCT.UNAVAILABLE');
  });
});

describe('ITEM rows', () => {
  it('reads items with WHENMODIFIED as UTC epoch ms, leaving out an empty price or description', () => {
    const items = itemRows(dataOf(listReply('q', 'readByQuery', 'item', [item, { ...item, RECORDNO: '18', ITEMID: 'TRB-TEA-250', STATUS: 'Inactive', BASEPRICE: '', SODESCRIPTION: '' }])));
    assert.deepEqual(items.ok && items.value, [
      { recordNo: '17', itemId: 'TRB-MUG-12OZ', name: 'Ceramic mug 12 oz & saucer', status: 'active', basePrice: '27.50', description: 'Glazed stoneware', modifiedAt: Date.UTC(2026, 10, 25, 23, 59, 7) },
      { recordNo: '18', itemId: 'TRB-TEA-250', name: 'Ceramic mug 12 oz & saucer', status: 'inactive', modifiedAt: Date.UTC(2026, 10, 25, 23, 59, 7) },
    ]);
    const none = itemRows(dataOf(listReply('q', 'readByQuery', 'item', [])));
    assert.deepEqual(none.ok && none.value, []);
  });

  it('treats a missing <data>, a bad price, status or time as a transient unreadable reply', () => {
    for (const bad of [
      itemRows(undefined),
      itemRows(dataOf(listReply('q', 'readByQuery', 'item', [{ ...item, BASEPRICE: '-1' }]))),
      itemRows(dataOf(listReply('q', 'readByQuery', 'item', [{ ...item, STATUS: 'archived' }]))),
      itemRows(dataOf(listReply('q', 'readByQuery', 'item', [{ ...item, WHENMODIFIED: '02/30/2026 00:00:00' }]))),
    ]) {
      assert.ok(!bad.ok);
      assert.equal(bad.error.code, 'INTACCT.UNAVAILABLE');
      assert.equal(bad.error.transient, true);
    }
  });
});
