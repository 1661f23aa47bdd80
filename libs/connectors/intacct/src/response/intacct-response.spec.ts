import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIntacctResponse } from './intacct-response.js';
import { apiSessionFrom } from './api-session.js';
import { salesDocumentRefs } from './sales-document-rows.js';
import {
  apiSessionReply,
  businessFailureReply,
  createdReply,
  salesDocumentsReply,
  senderFailureReply,
  signInFailureReply,
} from './reply-fixtures.js';

const parse = (xml: string) => {
  const parsed = parseIntacctResponse(xml);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.value;
};

describe('parseIntacctResponse', () => {
  it('reads the key of a created sales order', () => {
    const response = parse(createdReply('so-create-10045'));
    assert.equal(response.kind, 'operation');
    assert.deepEqual(response.kind === 'operation' && response.results[0], {
      status: 'success',
      functionName: 'create_sotransaction',
      controlId: 'so-create-10045',
      key: 'Sales Order-SO0001',
      data: undefined,
      errors: [],
    });
  });

  it('recognises a control failure with no operation', () => {
    assert.deepEqual(parse(senderFailureReply), {
      kind: 'control-failure',
      errors: [{ errorno: 'XL03000006', description: '', description2: 'Incorrect Intacct XML Partner ID or password.', correction: '' }],
    });
  });

  it('recognises an authentication failure with no results', () => {
    const response = parse(signInFailureReply);
    assert.equal(response.kind, 'authentication-failure');
    assert.equal(response.kind === 'authentication-failure' && response.errors[0]?.description2, 'Sign-in information is incorrect');
  });

  it('keeps every error of a failed function, entities decoded', () => {
    const response = parse(businessFailureReply('so-1'));
    assert.ok(response.kind === 'operation');
    const [result] = response.results;
    assert.equal(result?.status, 'failure');
    assert.equal(result?.errors.length, 2);
    assert.equal(result?.errors[0]?.description2, "Customer 'C-9999' does not exist [Support ID: Xk2hE%7EZjXvSkl]");
    assert.equal(result?.errors[0]?.correction, 'Use an existing customer & retry');
  });

  it('reads the session id and endpoint of getAPISession', () => {
    const response = parse(apiSessionReply('s-1', 'https://na12.intacct.com/ia/xml/xmlgw.phtml'));
    assert.ok(response.kind === 'operation');
    const session = apiSessionFrom(response.results[0]?.data);
    assert.deepEqual(session.ok && session.value, {
      sessionId: 'qsJzM2Ygw4WaV0ZqeS3H7n1s..',
      endpoint: 'https://na12.intacct.com/ia/xml/xmlgw.phtml',
    });
  });

  it('reads sales document rows, amounts as exact strings', () => {
    const response = parse(
      salesDocumentsReply('find-1', [
        { RECORDNO: '88', DOCID: 'Sales Order-SO0042', DOCNO: 'SO0042', DOCPARID: 'Sales Order', STATE: 'Pending', TOTAL: '1250.50', PONUMBER: 'WEB-10045' },
      ]),
    );
    assert.ok(response.kind === 'operation');
    const refs = salesDocumentRefs(response.results[0]?.data);
    assert.deepEqual(refs.ok && refs.value, [
      { key: 'Sales Order-SO0042', recordNo: '88', docNo: 'SO0042', state: 'Pending', total: '1250.50', referenceNo: 'WEB-10045', transactionType: 'Sales Order' },
    ]);
  });

  it('reads an empty list as no documents', () => {
    const response = parse(salesDocumentsReply('find-1', []));
    assert.ok(response.kind === 'operation');
    const refs = salesDocumentRefs(response.results[0]?.data);
    assert.deepEqual(refs.ok && refs.value, []);
  });

  it('treats a missing <data> as unreadable rather than "not found"', () => {
    const refs = salesDocumentRefs(undefined);
    assert.ok(!refs.ok);
    assert.equal(refs.error.transient, true);
  });

  for (const [name, body] of [
    ['HTML from a proxy', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['truncated XML', '<response><control><status>success</status>'],
    ['plain text', 'Service Unavailable'],
    ['a result without controlid', '<response><control><status>success</status></control><operation><authentication><status>success</status></authentication><result><status>success</status><function>x</function></result></operation></response>'],
  ] as const) {
    it(`turns ${name} into a transient error with unknown outcome`, () => {
      const parsed = parseIntacctResponse(body);
      assert.ok(!parsed.ok);
      assert.equal(parsed.error.code, 'INTACCT.UNAVAILABLE');
      assert.equal(parsed.error.transient, true);
      assert.equal(parsed.error.details['outcomeUnknown'], true);
    });
  }
});
