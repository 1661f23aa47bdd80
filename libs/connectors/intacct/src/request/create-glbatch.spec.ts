import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { IntacctGlBatch } from '../intacct-types.js';
import { createGlBatchFunction, glBatchesByReference, glEntriesOfBatch } from './create-glbatch.js';
import { readByQueryFunction } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';

/** Clarity order CL-7001 settled through Stripe, net of the fee. */
const batch: IntacctGlBatch = {
  journal: 'GJ',
  batchDate: { year: 2026, month: 3, day: 7 },
  title: 'Stripe payout po_1Q & "fees"',
  referenceNo: 'CL-7001',
  state: 'Draft',
  entries: [
    { accountNo: '1010', amount: '81.42', type: 'debit', currency: 'CAD', description: 'Stripe payout', locationId: 'CA-ON', departmentId: 'ECOM' },
    { accountNo: '6120', amount: '2.72', type: 'debit', currency: 'CAD', description: 'Stripe fee' },
    { accountNo: '1200', amount: '84.14', type: 'credit', currency: 'CAD', customerId: 'CL-000501' },
  ],
};

const wrap = (fn: ReturnType<typeof createGlBatchFunction>) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [fn]);

describe('GLBATCH create request', () => {
  it('writes the header and each GLENTRY in §1.12 order, with LOCATION/DEPARTMENT and TR_TYPE 1/-1', () => {
    const xml = wrap(createGlBatchFunction(batch, 'gl-create-7001'));
    assert.match(
      xml,
      /<function controlid="gl-create-7001"><create><GLBATCH><JOURNAL>GJ<\/JOURNAL><BATCH_DATE>03\/07\/2026<\/BATCH_DATE><BATCH_TITLE>Stripe payout po_1Q &amp; &quot;fees&quot;<\/BATCH_TITLE><REFERENCENO>CL-7001<\/REFERENCENO><STATE>Draft<\/STATE><ENTRIES><GLENTRY><ACCOUNTNO>1010<\/ACCOUNTNO><CURRENCY>CAD<\/CURRENCY><TRX_AMOUNT>81.42<\/TRX_AMOUNT><TR_TYPE>1<\/TR_TYPE><DESCRIPTION>Stripe payout<\/DESCRIPTION><LOCATION>CA-ON<\/LOCATION><DEPARTMENT>ECOM<\/DEPARTMENT><\/GLENTRY><GLENTRY><ACCOUNTNO>6120<\/ACCOUNTNO><CURRENCY>CAD<\/CURRENCY><TRX_AMOUNT>2.72<\/TRX_AMOUNT><TR_TYPE>1<\/TR_TYPE><DESCRIPTION>Stripe fee<\/DESCRIPTION><\/GLENTRY><GLENTRY><ACCOUNTNO>1200<\/ACCOUNTNO><CURRENCY>CAD<\/CURRENCY><TRX_AMOUNT>84.14<\/TRX_AMOUNT><TR_TYPE>-1<\/TR_TYPE><CUSTOMERID>CL-000501<\/CUSTOMERID><\/GLENTRY><\/ENTRIES><\/GLBATCH><\/create><\/function>/,
    );
    assert.doesNotMatch(xml, /LOCATIONID|DEPARTMENTID/);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    assert.equal(parsed.request.operation.content.function.create.GLBATCH.BATCH_TITLE, 'Stripe payout po_1Q & "fees"');
  });

  it('leaves STATE out when not given, so Intacct posts the batch', () => {
    const { state: _, ...posted } = batch;
    assert.doesNotMatch(wrap(createGlBatchFunction(posted, 'g')), /<STATE>/);
  });

  it('looks batches up by REFERENCENO with an escaped literal, and entries by BATCHNO', () => {
    assert.match(
      wrap(readByQueryFunction(glBatchesByReference("CL-O'Brien"), 'find-1')),
      /<readByQuery><object>GLBATCH<\/object><fields>RECORDNO,BATCHNO,REFERENCENO,STATE<\/fields><query>REFERENCENO = &apos;CL-O\\&apos;Brien&apos;<\/query><pagesize>10<\/pagesize><\/readByQuery>/,
    );
    assert.match(
      wrap(readByQueryFunction(glEntriesOfBatch('812'), 'entries-1')),
      /<readByQuery><object>GLENTRY<\/object><fields>RECORDNO,LINE_NO,ACCOUNTNO,TR_TYPE,TRX_AMOUNT,CURRENCY,DESCRIPTION,LOCATION,DEPARTMENT,CUSTOMERID<\/fields><query>BATCHNO = &apos;812&apos;<\/query><pagesize>1000<\/pagesize><\/readByQuery>/,
    );
  });
});
