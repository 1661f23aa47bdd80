import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildRequestXml } from './request-envelope.js';
import { getApiSessionFunction, queryLiteral, readByQueryFunction, salesDocumentsByReference } from './read-by-query.js';

describe('readByQuery request', () => {
  it('quotes literals with backslash escapes', () => {
    assert.equal(queryLiteral("O'Brien"), "'O\\'Brien'");
    assert.equal(queryLiteral('a\\b'), "'a\\\\b'");
  });

  it('looks sales documents up by definition and PONUMBER, XML-escaped', () => {
    const xml = buildRequestXml(
      { senderId: 's', senderPassword: 'p', requestControlId: 'r' },
      { kind: 'session', sessionId: 'x' },
      [readByQueryFunction(salesDocumentsByReference('Sales Order', "WEB-1 & 'co'"), 'find-1')],
    );
    assert.match(
      xml,
      /<readByQuery><object>SODOCUMENT<\/object><fields>RECORDNO,DOCID,DOCNO,DOCPARID,STATE,TOTAL,PONUMBER,PRRECORDKEY,CURRENCY,WHENCREATED,WHENMODIFIED,CREATEDFROM,CUSTVENDID<\/fields><query>DOCPARID = &apos;Sales Order&apos; AND PONUMBER = &apos;WEB-1 &amp; \\&apos;co\\&apos;&apos;<\/query><pagesize>10<\/pagesize><\/readByQuery>/,
    );
  });

  it('signs in with login credentials and getAPISession as the sole function', () => {
    const xml = buildRequestXml(
      { senderId: 's', senderPassword: 'p', requestControlId: 'r' },
      { kind: 'login', userId: 'ws_user', companyId: 'ACME', password: 'pw', locationId: 'US-WEST' },
      [getApiSessionFunction('session-1', 'US-WEST')],
    );
    assert.match(
      xml,
      /<authentication><login><userid>ws_user<\/userid><companyid>ACME<\/companyid><password>pw<\/password><locationid>US-WEST<\/locationid><\/login><\/authentication><content><function controlid="session-1"><getAPISession><locationid>US-WEST<\/locationid><\/getAPISession><\/function><\/content>/,
    );
    const plain = buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [
      getApiSessionFunction('session-2'),
    ]);
    assert.match(plain, /<function controlid="session-2"><getAPISession\/><\/function>/);
  });
});
