import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readByQueryFunction, SALES_DOCUMENT_FIELDS } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';
import { salesDocumentsChangedSince } from './sales-document-changes.js';

describe('SODOCUMENT change poll request', () => {
  it('reads documents of the definitions modified at or after the time, to the second, 1000 rows a page', () => {
    const xml = buildRequestXml(
      { senderId: 's', senderPassword: 'p', requestControlId: 'r' },
      { kind: 'session', sessionId: 'x' },
      [readByQueryFunction(salesDocumentsChangedSince(['Sales Order', "Sales Credit Memo (O'Brien)"], Date.UTC(2026, 10, 25, 23, 59, 59, 999)), 'so-poll-1')],
    );
    assert.ok(SALES_DOCUMENT_FIELDS.includes('WHENMODIFIED') && SALES_DOCUMENT_FIELDS.includes('CREATEDFROM'));
    assert.ok(xml.includes(`<readByQuery><object>SODOCUMENT</object><fields>${SALES_DOCUMENT_FIELDS.join(',')}</fields>`));
    assert.match(
      xml,
      /<\/fields><query>DOCPARID IN \(&apos;Sales Order&apos;, &apos;Sales Credit Memo \(O\\&apos;Brien\)&apos;\) AND WHENMODIFIED &gt;= &apos;11\/25\/2026 23:59:59&apos;<\/query><pagesize>1000<\/pagesize><\/readByQuery>/,
    );
  });
});
