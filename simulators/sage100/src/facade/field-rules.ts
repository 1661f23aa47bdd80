import { boiError } from './facade-error.js';
import { hasAtMostDecimals } from '../state/money.js';

/**
 * Sage field lengths (external-apis §3.2; the ones marked "(assumed)" in the contract were not
 * in the captured layouts). Keyed by field name: the same name has the same length everywhere.
 */
export const FIELD_LENGTHS: Readonly<Record<string, number>> = {
  SalesOrderNo: 7, InvoiceNo: 7, ARDivisionNo: 2, CustomerNo: 20, CustomerPONo: 15, ItemCode: 30, ItemCodeDesc: 30,
  WarehouseCode: 3, ShipVia: 15, TermsCode: 2, TaxSchedule: 9, PaymentType: 5, PaymentDesc: 30,
  ShipToName: 30, ShipToAddress1: 30, ShipToAddress2: 30, ShipToAddress3: 30, ShipToCity: 20, ShipToState: 2, ShipToZipCode: 10, ShipToCountryCode: 3,
  CustomerName: 30, AddressLine1: 30, AddressLine2: 30, AddressLine3: 30, City: 20, State: 2, ZipCode: 10, CountryCode: 3, TelephoneNo: 17,
  EmailAddress: 250, Comment: 30, CommentText: 2048, UDF_CLARITY_ORDER: 50, CheckNo: 10, Reference: 30, TrackingID: 30,
};

export const ENUMS: Readonly<Record<string, readonly string[]>> = {
  OrderType: ['S', 'B', 'Q', 'M', 'R', 'P'],
  OrderStatus: ['N', 'O', 'C', 'H'],
  ItemType: ['1', '2', '3', '4', '5'],
  CreditHold: ['Y', 'N'],
};

/** Two decimals for amounts, four for UnitPrice and quantities (BOI rounds silently; we refuse, so mappers get it right). */
const DECIMALS: Readonly<Record<string, number>> = {
  UnitPrice: 4, QuantityOrdered: 4, QuantityShipped: 4, LineDiscountPercent: 3,
  ExtensionAmt: 2, FreightAmt: 2, SalesTaxAmt: 2, TaxableAmt: 2, NonTaxableAmt: 2, DiscountAmt: 2, CreditLimit: 2, PostingAmt: 2,
};

/**
 * Checks the fields of one record as BOI's nSetValue would, in the order given: the first
 * failure is the message (BOI stops at the first nSetValue that returns 0).
 */
export const checkFields = (record: Readonly<Record<string, unknown>>): void => {
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string') {
      const max = FIELD_LENGTHS[field];
      if (max !== undefined && value.length > max) throw boiError('tooLong', { field, max }, field);
      const allowed = ENUMS[field];
      if (allowed && !allowed.includes(value)) throw boiError('invalidValue', { field, value }, field);
    } else if (typeof value === 'number') {
      const places = DECIMALS[field];
      if (places !== undefined && (value < 0 || !hasAtMostDecimals(value, places))) throw boiError('invalidAmount', { field, value }, field);
      if (field === 'LineDiscountPercent' && value > 100) throw boiError('invalidAmount', { field, value }, field);
    }
  }
};

/** A required key field that came empty. */
export const requireText = (field: string, value: string | undefined): string => {
  if (!value || value.trim() === '') throw boiError('required', { field }, field);
  return value;
};
