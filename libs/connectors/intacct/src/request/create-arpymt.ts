import type { IntacctArPayment, IntacctDate } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import { queryLiteral, type ReadByQuery } from './read-by-query.js';
import type { IntacctFunction } from './request-envelope.js';
import { usDate } from './us-date.js';

/**
 * Key order below follows external-apis §1.13. Amounts go in the TRX_ (transaction-currency)
 * fields, matching CURRENCY.
 */
export const createArPaymentXml = (payment: IntacctArPayment): XmlTree => ({
  UNDEPOSITEDACCOUNTNO: payment.undepositedAccountNo,
  PAYMENTMETHOD: payment.paymentMethod,
  CUSTOMERID: payment.customerId,
  RECEIPTDATE: usDate(payment.receiptDate),
  CURRENCY: payment.currency,
  DOCNUMBER: payment.docNumber,
  DESCRIPTION: payment.description,
  TRX_AMOUNTTOPAY: payment.amount,
  ARPYMTDETAILS: {
    ARPYMTDETAIL: payment.applyTo.map((line) => ({ RECORDKEY: line.recordKey, TRX_PAYMENTAMOUNT: line.amount })),
  },
});

export const createArPaymentFunction = (payment: IntacctArPayment, controlId: string): IntacctFunction => ({
  controlId,
  name: 'create:ARPYMT',
  body: { create: { ARPYMT: createArPaymentXml(payment) } },
});

export const AR_PAYMENT_FIELDS = ['RECORDNO', 'DOCNUMBER', 'CUSTOMERID', 'TRX_TOTALENTERED'] as const;

/** ARPYMT rows whose DOCNUMBER (our reference) matches. */
export const arPaymentsByDocNumber = (docNumber: string): ReadByQuery => ({
  object: 'ARPYMT',
  fields: AR_PAYMENT_FIELDS,
  query: `DOCNUMBER = ${queryLiteral(docNumber)}`,
  pageSize: 10,
});

/** ARPYMT rows whose receipt date (the GL date) falls between two days, inclusive: for reconciliation. */
export const arPaymentsReceivedBetween = (from: IntacctDate, to: IntacctDate): ReadByQuery => ({
  object: 'ARPYMT',
  fields: AR_PAYMENT_FIELDS,
  query: `RECEIPTDATE >= '${usDate(from)}' AND RECEIPTDATE <= '${usDate(to)}'`,
  pageSize: 1000,
});
