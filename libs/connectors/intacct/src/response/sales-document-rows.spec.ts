import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntacctResponse } from './intacct-response.js';
import { listReply } from './reply-fixtures.js';
import { changedSalesDocumentRefs, salesDocumentRefs } from './sales-document-rows.js';

const dataOf = (xml: string): unknown => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok && parsed.value.kind === 'operation');
  return parsed.value.results[0]?.data;
};

const row = {
  RECORDNO: '31', DOCID: 'Sales Credit Memo-SCM0001', DOCNO: 'SCM0001', DOCPARID: 'Sales Credit Memo', STATE: 'Pending', TOTAL: '24.50',
  PONUMBER: 'RMA-7001', PRRECORDKEY: '', CURRENCY: 'USD', WHENCREATED: '11/25/2026', WHENMODIFIED: '11/26/2026 08:15:02', CREATEDFROM: 'Sales Invoice-SI0001',
};
const page = (rows: Array<Record<string, string>>) => dataOf(listReply('q', 'readByQuery', 'sodocument', rows));

describe('SODOCUMENT rows', () => {
  it('reads WHENMODIFIED as UTC epoch ms and CREATEDFROM as the source DOCID', () => {
    const refs = salesDocumentRefs(page([row]));
    assert.deepEqual(refs.ok && refs.value, [
      {
        key: 'Sales Credit Memo-SCM0001', recordNo: '31', docNo: 'SCM0001', state: 'Pending', total: '24.50', referenceNo: 'RMA-7001',
        transactionType: 'Sales Credit Memo', currency: 'USD', whenCreated: '11/25/2026', modifiedAt: Date.UTC(2026, 10, 26, 8, 15, 2), createdFrom: 'Sales Invoice-SI0001',
      },
    ]);
  });

  it('leaves out an empty CREATEDFROM and a WHENMODIFIED that was not read', () => {
    const { WHENMODIFIED: _, ...withoutModified } = row;
    const refs = salesDocumentRefs(page([{ ...withoutModified, CREATEDFROM: '' }]));
    assert.ok(refs.ok);
    assert.equal('modifiedAt' in refs.value[0]!, false);
    assert.equal('createdFrom' in refs.value[0]!, false);
  });

  it('treats an impossible WHENMODIFIED as a transient unreadable reply', () => {
    const bad = salesDocumentRefs(page([{ ...row, WHENMODIFIED: '02/30/2026 00:00:00' }]));
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'INTACCT.UNAVAILABLE');
    assert.equal(bad.error.transient, true);
  });

  it('requires WHENMODIFIED on every row of a change poll', () => {
    const changed = changedSalesDocumentRefs(page([row]));
    assert.deepEqual(changed.ok && changed.value.map((r) => r.modifiedAt), [Date.UTC(2026, 10, 26, 8, 15, 2)]);
    const { WHENMODIFIED: _, ...withoutModified } = row;
    const missing = changedSalesDocumentRefs(page([row, withoutModified]));
    assert.ok(!missing.ok);
    assert.match(missing.error.message, /WHENMODIFIED missing on Sales Credit Memo-SCM0001/);
    assert.ok(!changedSalesDocumentRefs(undefined).ok, 'no <data> is never "nothing changed"');
    const none = changedSalesDocumentRefs(page([]));
    assert.deepEqual(none.ok && none.value, []);
  });
});
