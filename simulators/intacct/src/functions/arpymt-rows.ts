import type { StoredArPayment } from '../simulator-types.js';
import type { Row } from './query-filter.js';

/**
 * ARPYMT fields the simulator can read, in the order `*` returns them. Amounts follow the AR
 * record pattern: TOTALENTERED in base currency, TRX_TOTALENTERED in the payment's currency
 * (the simulator has no exchange rates, so both are the same).
 */
export const ARPYMT_FIELDS = [
  'RECORDNO',
  'CUSTOMERID',
  'DOCNUMBER',
  'DESCRIPTION',
  'PAYMENTMETHOD',
  'RECEIPTDATE',
  'CURRENCY',
  'TOTALENTERED',
  'TRX_TOTALENTERED',
  'STATE',
] as const;

export const arPaymentRow = (payment: StoredArPayment): Row => ({
  RECORDNO: payment.recordNo,
  CUSTOMERID: payment.customerId,
  DOCNUMBER: payment.docNumber ?? '',
  DESCRIPTION: payment.description ?? '',
  PAYMENTMETHOD: payment.paymentMethod,
  RECEIPTDATE: payment.receiptDate,
  CURRENCY: payment.currency,
  TOTALENTERED: payment.amount,
  TRX_TOTALENTERED: payment.amount,
  STATE: 'Submitted',
});
