import { Decimal } from 'decimal.js';
import { businessErrors } from '../gateway/gateway-errors.js';
import type { StoredArInvoice, StoredArPayment, StoredArPaymentDetail } from '../simulator-types.js';
import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import { formatAmount } from './create-sotransaction.js';
import { customerExists, type FunctionContext, type FunctionOutcome } from './function-handler.js';

const PAYMENT_METHODS = new Set(['Printed Check', 'Cash', 'EFT', 'Credit Card', 'Online Charge Card', 'Online ACH Debit']);
const DECIMAL = /^\d+(\.\d+)?$/;
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const NOT_CREATED = 'Could not create ARPYMT record!';

const text = (parent: XmlElement, name: string): string | undefined => {
  const value = childText(parent, name);
  return value === undefined || value === '' ? undefined : value;
};

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, NOT_CREATED),
});

const isUsDate = (value: string): boolean => {
  const match = US_DATE.exec(value);
  if (!match) return false;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The most common mistake: sending the OE document's key instead of the AR invoice's RECORDNO. */
const notAnArInvoice = (recordKey: string, context: FunctionContext): FunctionOutcome => {
  const document = context.state
    .documentsOf(context.companyId)
    .find((doc) => doc.docId === recordKey || doc.recordNo === recordKey || doc.docNo === recordKey);
  const hint = document
    ? ` '${recordKey}' is the Order Entry document ${document.docId}${document.prRecordKey ? `, whose AR invoice is RECORDNO ${document.prRecordKey}` : ', which posted no AR invoice'}.`
    : '';
  return invalid(
    'Invalid invoice',
    `RECORDKEY '${recordKey}' is not an open AR invoice.${hint}`,
    'RECORDKEY must be the AR invoice RECORDNO (SODOCUMENT.PRRECORDKEY), not the Order Entry DOCID or RECORDNO.',
  );
};

type Applied = { invoice: StoredArInvoice; amount: Decimal };

/** Checks every ARPYMTDETAIL against the invoices before anything changes, so a refusal leaves the books as they were. */
const applications = (details: XmlElement[], customerId: string, currency: string, context: FunctionContext): Applied[] | FunctionOutcome => {
  const planned: Applied[] = [];
  const pending = new Map<string, Decimal>();
  for (const [index, detail] of details.entries()) {
    const lineNo = index + 1;
    const recordKey = text(detail, 'RECORDKEY');
    if (!recordKey) return invalid('Required field missing', `ARPYMTDETAIL ${lineNo}: RECORDKEY is required.`);
    const invoice = context.state.arInvoice(context.companyId, recordKey);
    if (!invoice) return notAnArInvoice(recordKey, context);
    if (invoice.customerId !== customerId) {
      return invalid('Invalid invoice', `AR invoice ${recordKey} belongs to customer '${invoice.customerId}', not '${customerId}'.`);
    }
    if (invoice.currency !== currency) {
      return invalid('Currency mismatch', `AR invoice ${recordKey} is in ${invoice.currency}; the payment is in ${currency}.`);
    }
    const open = new Decimal(invoice.openBalance).minus(pending.get(recordKey) ?? 0);
    const given = text(detail, 'TRX_PAYMENTAMOUNT');
    if (given !== undefined && (!DECIMAL.test(given) || new Decimal(given).isZero())) {
      return invalid('Invalid amount', `ARPYMTDETAIL ${lineNo}: TRX_PAYMENTAMOUNT '${given}' is not a positive amount.`);
    }
    const amount = given === undefined ? open : new Decimal(given);
    if (amount.greaterThan(open) || open.isZero()) {
      return invalid(
        'Amount exceeds balance',
        `ARPYMTDETAIL ${lineNo}: payment amount ${formatAmount(amount)} exceeds the open balance ${formatAmount(open)} of AR invoice ${recordKey}.`,
        'Apply no more than the invoice\'s amount due.',
      );
    }
    pending.set(recordKey, (pending.get(recordKey) ?? new Decimal(0)).plus(amount));
    planned.push({ invoice, amount });
  }
  return planned;
};

/** Generic `<create><ARPYMT>` (external-apis §1.13): a cash receipt applied to AR invoices. */
export const createArPayment = (payment: XmlElement, context: FunctionContext): FunctionOutcome => {
  const paymentMethod = text(payment, 'PAYMENTMETHOD');
  const customerId = text(payment, 'CUSTOMERID') ?? '';
  const receiptDate = text(payment, 'RECEIPTDATE');
  const currency = text(payment, 'CURRENCY');
  const undepositedAccountNo = text(payment, 'UNDEPOSITEDACCOUNTNO');
  const financialEntity = text(payment, 'FINANCIALENTITY');
  if (!paymentMethod || !PAYMENT_METHODS.has(paymentMethod)) {
    return invalid('Invalid payment method', `PAYMENTMETHOD '${paymentMethod ?? ''}' is not one of ${[...PAYMENT_METHODS].join(', ')}.`);
  }
  if (!customerExists(context, customerId)) {
    return invalid('Invalid Customer', `Customer '${customerId}' does not exist or is inactive.`, 'Use a valid, active customer ID.');
  }
  if (!receiptDate || !isUsDate(receiptDate)) {
    return invalid('Invalid Date', `RECEIPTDATE '${receiptDate ?? ''}' is not a valid date.`, 'Enter the date as mm/dd/yyyy.');
  }
  if (!currency) return invalid('Required field missing', 'CURRENCY is required.');
  if (!undepositedAccountNo === !financialEntity) {
    return invalid('Invalid deposit account', 'Enter exactly one of UNDEPOSITEDACCOUNTNO or FINANCIALENTITY.');
  }
  const details = childrenNamed(child(payment, 'ARPYMTDETAILS') ?? payment, 'ARPYMTDETAIL');
  if (details.length === 0) return invalid('Required field missing', 'At least one ARPYMTDETAIL with a RECORDKEY is required.');

  const planned = applications(details, customerId, currency, context);
  if (!Array.isArray(planned)) return planned;
  const applied = planned.reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
  const headerAmount = text(payment, 'TRX_AMOUNTTOPAY') ?? text(payment, 'AMOUNTTOPAY');
  if (headerAmount !== undefined && (!DECIMAL.test(headerAmount) || new Decimal(headerAmount).lessThan(applied))) {
    return invalid('Invalid amount', `Amount to pay '${headerAmount}' is less than the ${formatAmount(applied)} applied to invoices.`);
  }

  const storedDetails: StoredArPaymentDetail[] = planned.map(({ invoice, amount }) => {
    invoice.openBalance = formatAmount(new Decimal(invoice.openBalance).minus(amount));
    return { recordKey: invoice.recordNo, amount: formatAmount(amount) };
  });
  const stored: StoredArPayment = {
    recordNo: context.state.nextRecordNo(),
    companyId: context.companyId,
    customerId,
    paymentMethod,
    receiptDate,
    currency,
    amount: formatAmount(headerAmount === undefined ? applied : new Decimal(headerAmount)),
    details: storedDetails,
    createdAt: context.now.toISOString(),
    controlId: context.controlId,
  };
  if (undepositedAccountNo) stored.undepositedAccountNo = undepositedAccountNo;
  if (financialEntity) stored.financialEntity = financialEntity;
  const docNumber = text(payment, 'DOCNUMBER');
  if (docNumber) stored.docNumber = docNumber;
  const description = text(payment, 'DESCRIPTION');
  if (description) stored.description = description;
  context.state.addPayment(stored);
  return { ok: true, data: element('data', element('arpymt', leaf('RECORDNO', stored.recordNo)), { listtype: 'objects', count: 1 }) };
};
