import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntacctResponse } from './intacct-response.js';
import { listReply } from './reply-fixtures.js';
import { countLinesByDocId, salesDocumentLineDocIds } from './sales-document-line-rows.js';

const dataOf = (xml: string): unknown => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok && parsed.value.kind === 'operation');
  return parsed.value.results[0]?.data;
};

describe('SODOCUMENTENTRY rows', () => {
  it('reads the DOCHDRID of each line, one row or many', () => {
    const one = salesDocumentLineDocIds(dataOf(listReply('q', 'readByQuery', 'sodocumententry', [{ DOCHDRID: 'Sales Order-SO0001' }])));
    assert.deepEqual(one.ok && one.value, ['Sales Order-SO0001']);
    const many = salesDocumentLineDocIds(
      dataOf(listReply('q', 'readByQuery', 'sodocumententry', [{ DOCHDRID: 'Sales Order-SO0001' }, { DOCHDRID: 'Sales Invoice-SI0001' }, { DOCHDRID: 'Sales Order-SO0001' }])),
    );
    assert.deepEqual(many.ok && many.value, ['Sales Order-SO0001', 'Sales Invoice-SI0001', 'Sales Order-SO0001']);
    const none = salesDocumentLineDocIds(dataOf(listReply('q', 'readByQuery', 'sodocumententry', [])));
    assert.deepEqual(none.ok && none.value, []);
  });

  it('treats a missing <data> or a row without DOCHDRID as a transient unreadable reply', () => {
    for (const bad of [
      salesDocumentLineDocIds(undefined),
      salesDocumentLineDocIds(dataOf(listReply('q', 'readByQuery', 'sodocumententry', [{ RECORDNO: '4' }]))),
      salesDocumentLineDocIds(dataOf(listReply('q', 'readByQuery', 'sodocumententry', [{ DOCHDRID: '' }]))),
    ]) {
      assert.ok(!bad.ok);
      assert.equal(bad.error.code, 'INTACCT.UNAVAILABLE');
      assert.equal(bad.error.transient, true);
    }
  });

  it('counts lines per DOCID asked for, 0 for one without lines, ignoring ids not asked for', () => {
    const counts = countLinesByDocId(['Sales Order-SO0001', 'Sales Order-SO0404'], ['Sales Order-SO0001', 'Sales Order-SO0001', 'Sales Order-SO0999']);
    assert.deepEqual([...counts], [['Sales Order-SO0001', 2], ['Sales Order-SO0404', 0]]);
  });
});
