import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { arPaymentRows } from './ar-payment-rows.js';
import { createdRecord } from './created-record.js';
import { customerRefs } from './customer-rows.js';
import { parseIntacctResponse } from './intacct-response.js';
import { createdObjectReply, listReply, salesDocumentsReply } from './reply-fixtures.js';
import { createdCustomerSchema } from './response-schema.js';
import { salesDocumentRefs } from './sales-document-rows.js';

const dataOf = (xml: string): unknown => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok && parsed.value.kind === 'operation');
  return parsed.value.results[0]?.data;
};

describe('receivables replies', () => {
  it('reads the created CUSTOMER record, and treats success without one as an unknown outcome', () => {
    const created = createdRecord(dataOf(createdObjectReply('c-1', 'customer', { RECORDNO: '8346', CUSTOMERID: 'C-1001' })), createdCustomerSchema, 'CUSTOMER', 'c-1');
    assert.deepEqual(created.ok && created.value, { RECORDNO: '8346', CUSTOMERID: 'C-1001' });
    const missing = createdRecord(dataOf(listReply('c-2', 'query', 'customer', [])), createdCustomerSchema, 'CUSTOMER', 'c-2');
    assert.ok(!missing.ok);
    assert.equal(missing.error.code, 'INTACCT.UNAVAILABLE');
    assert.equal(missing.error.transient, true);
    assert.equal(missing.error.details['outcomeUnknown'], true);
  });

  it('reads customers whether dotted fields come back flat or nested, decoding entities', () => {
    const flat = customerRefs(
      dataOf(listReply('q', 'query', 'CUSTOMER', [{ RECORDNO: '9', CUSTOMERID: 'C-0009', NAME: 'Harbour &amp; Finch', 'DISPLAYCONTACT.EMAIL1': 'maeve@hf.example', CLARITY_ID: 'clarity-cust-501' }])),
    );
    assert.deepEqual(flat.ok && flat.value, [{ customerId: 'C-0009', recordNo: '9', name: 'Harbour & Finch', email: 'maeve@hf.example', clarityId: 'clarity-cust-501' }]);
    const nested = customerRefs(
      dataOf(listReply('q', 'readByQuery', 'customer', [{ RECORDNO: '10', CUSTOMERID: 'C-0010', NAME: 'Northwind', DISPLAYCONTACT: '<EMAIL1>ops@northwind.example</EMAIL1>', CLARITY_ID: '' }])),
    );
    assert.deepEqual(nested.ok && nested.value, [{ customerId: 'C-0010', recordNo: '10', name: 'Northwind', email: 'ops@northwind.example' }]);
    assert.ok(!customerRefs(undefined).ok, 'no <data> is not "none found"');
  });

  it('reads ARPYMT rows with their amount in transaction currency', () => {
    const rows = arPaymentRows(dataOf(listReply('q', 'readByQuery', 'arpymt', [{ RECORDNO: '77', DOCNUMBER: 'PAY-CL-7001', CUSTOMERID: 'C-0009', TRX_TOTALENTERED: '84.14' }])));
    assert.deepEqual(rows.ok && rows.value, [{ recordNo: '77', docNumber: 'PAY-CL-7001', customerId: 'C-0009', amount: '84.14' }]);
    const bad = arPaymentRows(dataOf(listReply('q', 'readByQuery', 'arpymt', [{ DOCNUMBER: 'x' }])));
    assert.ok(!bad.ok);
  });

  it('reads PRRECORDKEY on sales documents, absent when empty', () => {
    const row = { RECORDNO: '5', DOCID: 'Sales Invoice-SI0001', DOCNO: 'SI0001', STATE: 'Pending', TOTAL: '84.14', PONUMBER: 'WEB-1' };
    const refs = salesDocumentRefs(dataOf(salesDocumentsReply('q', [{ ...row, PRRECORDKEY: '6' }, { ...row, RECORDNO: '7', PRRECORDKEY: '' }])));
    assert.ok(refs.ok);
    assert.equal(refs.value[0]?.prRecordKey, '6');
    assert.equal('prRecordKey' in (refs.value[1] ?? {}), false);
  });
});
