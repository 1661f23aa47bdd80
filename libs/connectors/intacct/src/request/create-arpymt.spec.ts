import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import type { IntacctArPayment } from '../intacct-types.js';
import { arPaymentsByDocNumber, arPaymentsReceivedBetween, createArPaymentFunction } from './create-arpymt.js';
import { readByQueryFunction } from './read-by-query.js';
import { buildRequestXml } from './request-envelope.js';

const payment: IntacctArPayment = {
  customerId: 'CL-000501',
  receiptDate: { year: 2026, month: 3, day: 7 },
  paymentMethod: 'Credit Card',
  undepositedAccountNo: '1010',
  amount: '84.14',
  currency: 'CAD',
  docNumber: 'PAY-CL-7001',
  description: 'Stripe ch_3Q & "refund-safe"',
  applyTo: [
    { recordKey: '8812', amount: '50.00' },
    { recordKey: '8815', amount: '34.14' },
  ],
};

const wrap = (fn: ReturnType<typeof createArPaymentFunction>) =>
  buildRequestXml({ senderId: 's', senderPassword: 'p', requestControlId: 'r' }, { kind: 'session', sessionId: 'x' }, [fn]);

describe('ARPYMT create request', () => {
  it('writes the header in §1.13 order, mm/dd/yyyy, and one ARPYMTDETAIL per invoice', () => {
    const xml = wrap(createArPaymentFunction(payment, 'pay-create-7001'));
    assert.match(
      xml,
      /<function controlid="pay-create-7001"><create><ARPYMT><UNDEPOSITEDACCOUNTNO>1010<\/UNDEPOSITEDACCOUNTNO><PAYMENTMETHOD>Credit Card<\/PAYMENTMETHOD><CUSTOMERID>CL-000501<\/CUSTOMERID><RECEIPTDATE>03\/07\/2026<\/RECEIPTDATE><CURRENCY>CAD<\/CURRENCY><DOCNUMBER>PAY-CL-7001<\/DOCNUMBER><DESCRIPTION>Stripe ch_3Q &amp; &quot;refund-safe&quot;<\/DESCRIPTION><TRX_AMOUNTTOPAY>84.14<\/TRX_AMOUNTTOPAY><ARPYMTDETAILS><ARPYMTDETAIL><RECORDKEY>8812<\/RECORDKEY><TRX_PAYMENTAMOUNT>50.00<\/TRX_PAYMENTAMOUNT><\/ARPYMTDETAIL><ARPYMTDETAIL><RECORDKEY>8815<\/RECORDKEY><TRX_PAYMENTAMOUNT>34.14<\/TRX_PAYMENTAMOUNT><\/ARPYMTDETAIL><\/ARPYMTDETAILS><\/ARPYMT><\/create><\/function>/,
    );
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml);
    assert.equal(parsed.request.operation.content.function.create.ARPYMT.DESCRIPTION, 'Stripe ch_3Q & "refund-safe"');
  });

  it('omits DESCRIPTION when not given', () => {
    const { description: _, ...plain } = payment;
    assert.doesNotMatch(wrap(createArPaymentFunction(plain, 'p')), /DESCRIPTION/);
  });

  it('looks payments up by DOCNUMBER with an escaped literal', () => {
    const xml = wrap(readByQueryFunction(arPaymentsByDocNumber("PAY-O'Brien"), 'find-1'));
    assert.match(
      xml,
      /<readByQuery><object>ARPYMT<\/object><fields>RECORDNO,DOCNUMBER,CUSTOMERID,TRX_TOTALENTERED<\/fields><query>DOCNUMBER = &apos;PAY-O\\&apos;Brien&apos;<\/query><pagesize>10<\/pagesize><\/readByQuery>/,
    );
  });

  it('lists payments by receipt date, inclusive, a page of 1000 at a time', () => {
    const xml = wrap(readByQueryFunction(arPaymentsReceivedBetween({ year: 2026, month: 11, day: 1 }, { year: 2026, month: 12, day: 31 }), 'list-1'));
    assert.match(xml, /<query>RECEIPTDATE &gt;= &apos;11\/01\/2026&apos; AND RECEIPTDATE &lt;= &apos;12\/31\/2026&apos;<\/query><pagesize>1000<\/pagesize>/);
  });
});
