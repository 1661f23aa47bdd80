import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readByQueryFunction } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';
import { MAX_DOCIDS_PER_LINE_QUERY, salesDocumentLinesOf } from './sales-document-lines.js';

describe('SODOCUMENTENTRY line count requests', () => {
  it('reads only DOCHDRID of the lines of the given documents, quoting ids safely', () => {
    const [read, ...more] = salesDocumentLinesOf(['Sales Order-SO0001', "Sales Invoice-O'Brien\\1"]);
    assert.equal(more.length, 0);
    assert.deepEqual(read, {
      object: 'SODOCUMENTENTRY',
      fields: ['DOCHDRID'],
      query: "DOCHDRID IN ('Sales Order-SO0001', 'Sales Invoice-O\\'Brien\\\\1')",
      pageSize: 1000,
    });
    const xml = buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [readByQueryFunction(read!, 'lines-1')]);
    assert.match(xml, /<readByQuery><object>SODOCUMENTENTRY<\/object><fields>DOCHDRID<\/fields><query>DOCHDRID IN \(&apos;Sales Order-SO0001&apos;, /);
  });

  it(`splits long lists into chunks of ${MAX_DOCIDS_PER_LINE_QUERY} ids and reads a repeated id once`, () => {
    const ids = Array.from({ length: 250 }, (_, n) => `Sales Invoice-SI${String(n + 1).padStart(4, '0')}`);
    const reads = salesDocumentLinesOf([...ids, ids[0]!, ids[249]!]);
    assert.deepEqual(reads.map((r) => r.query.split(', ').length), [100, 100, 50]);
    assert.ok(reads[2]?.query.startsWith("DOCHDRID IN ('Sales Invoice-SI0201'"));
    assert.ok(reads[2]?.query.endsWith("'Sales Invoice-SI0250')"));
    assert.deepEqual(salesDocumentLinesOf([]), []);
  });
});
