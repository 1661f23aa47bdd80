import { Decimal } from 'decimal.js';
import type { CashReceipt } from '../simulator-types.js';
import { stampOf } from '../state/clock.js';
import { customerKey } from '../state/company-books.js';
import type { FacadeContext } from './facade-context.js';
import { boiError } from './facade-error.js';
import { checkFields, requireText } from './field-rules.js';
import { pageOf, type Page } from './paging.js';
import type { NewCashReceiptInput } from './request-schemas.js';

/**
 * AR_CashReceipts_bus: a deposit against an open order (raises the order's DepositAmt) or a
 * receipt applied to an invoice (lowers the customer's CurrentBalance). Reference is unique per
 * company: the facade's own rule, so a retried write cannot pay twice.
 */
export const createCashReceipt = ({ books, locks, now }: FacadeContext, input: NewCashReceiptInput): CashReceipt => {
  const { ARDivisionNo, CustomerNo, PaymentType, SalesOrderNo, InvoiceNo, Reference } = input;
  requireText('Reference', Reference);
  checkFields(input);
  if (!(input.PostingAmt > 0)) throw boiError('invalidAmount', { field: 'PostingAmt', value: input.PostingAmt }, 'PostingAmt');
  const customer = books.customer(ARDivisionNo, CustomerNo);
  if (!customer) throw boiError('customerNotFound', { ARDivisionNo, CustomerNo }, 'CustomerNo');
  if (!books.paymentTypes.has(PaymentType)) throw boiError('paymentTypeNotFound', { PaymentType }, 'PaymentType');
  if (SalesOrderNo && InvoiceNo) throw boiError('receiptTarget', {}, 'InvoiceNo');
  const duplicate = books.receipts.find((receipt) => receipt.Reference === Reference);
  if (duplicate) throw boiError('duplicateReference', { Reference, DepositNo: duplicate.DepositNo }, 'Reference', 'duplicate');
  locks.assertFree(books.code, 'Customer', customerKey(ARDivisionNo, CustomerNo));

  const order = SalesOrderNo ? books.orders.get(SalesOrderNo) : undefined;
  if (SalesOrderNo) {
    const known = order ?? books.history.get(SalesOrderNo);
    if (!known) throw boiError('orderNotOpen', { SalesOrderNo }, 'SalesOrderNo');
    if (known.ARDivisionNo !== ARDivisionNo || known.CustomerNo !== CustomerNo) {
      throw boiError('receiptOrderCustomer', { SalesOrderNo, ARDivisionNo, CustomerNo }, 'SalesOrderNo');
    }
    if (order) locks.assertFree(books.code, 'SalesOrder', SalesOrderNo);
  }
  if (InvoiceNo) {
    const invoice = books.invoices.get(InvoiceNo);
    if (!invoice || invoice.ARDivisionNo !== ARDivisionNo || invoice.CustomerNo !== CustomerNo) {
      throw boiError('invoiceNotFound', { InvoiceNo, ARDivisionNo, CustomerNo }, 'InvoiceNo');
    }
  }

  const stamp = stampOf(now);
  const receipt: CashReceipt = {
    ...input,
    DepositNo: books.nextDepositNo(),
    CheckNo: input.CheckNo ?? books.nextCheckNo(),
    ...stamp,
  };
  books.receipts.push(receipt);
  if (order) Object.assign(order, { DepositAmt: new Decimal(order.DepositAmt).plus(input.PostingAmt).toNumber() }, stamp);
  if (InvoiceNo) Object.assign(customer, { CurrentBalance: new Decimal(customer.CurrentBalance).minus(input.PostingAmt).toNumber() }, stamp);
  return structuredClone(receipt);
};

export const listCashReceipts = (
  { books }: FacadeContext,
  query: { Reference?: string | undefined; DateUpdatedFrom?: string | undefined; PageSize: number; Cursor?: string | undefined },
): Page<CashReceipt> =>
  pageOf(
    books.receipts.filter((receipt) => query.Reference === undefined || receipt.Reference === query.Reference),
    (receipt) => receipt.DepositNo,
    query,
  );
