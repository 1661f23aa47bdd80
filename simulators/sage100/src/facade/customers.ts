import type { Customer } from '../simulator-types.js';
import { dateOf, stampOf } from '../state/clock.js';
import { customerKey } from '../state/company-books.js';
import type { FacadeContext } from './facade-context.js';
import { boiError, SimulatorError } from './facade-error.js';
import { checkFields, requireText } from './field-rules.js';
import { pageOf, type Page } from './paging.js';
import type { CustomerChangeInput, NewCustomerInput } from './request-schemas.js';

const notFound = (division: string, customerNo: string) => new SimulatorError('not_found', `Customer ${division}-${customerNo} is not on file`);

export const getCustomer = ({ books }: FacadeContext, division: string, customerNo: string): Customer => {
  const customer = books.customer(division, customerNo);
  if (!customer) throw notFound(division, customerNo);
  return structuredClone(customer);
};

/** AR_Customer_bus: the key is given (Sage does not number customers); CustomerNo is upper case. */
export const createCustomer = ({ books, now }: FacadeContext, ARDivisionNo: string, CustomerNo: string, input: NewCustomerInput): Customer => {
  checkFields({ ARDivisionNo, CustomerNo });
  requireText('CustomerNo', CustomerNo);
  if (!books.divisions.has(ARDivisionNo)) throw boiError('invalidDivision', { ARDivisionNo }, 'ARDivisionNo');
  if (CustomerNo !== CustomerNo.toUpperCase() || /\s/.test(CustomerNo)) throw boiError('invalidValue', { field: 'CustomerNo', value: CustomerNo }, 'CustomerNo');
  if (books.customer(ARDivisionNo, CustomerNo)) throw boiError('customerExists', { ARDivisionNo, CustomerNo }, 'CustomerNo', 'duplicate');
  requireText('CustomerName', input.CustomerName);
  checkFields(input);
  const customer: Customer = {
    ARDivisionNo,
    CustomerNo,
    ...input,
    EmailAddress: input.EmailAddress ?? '',
    ZipCode: input.ZipCode ?? '',
    CreditLimit: input.CreditLimit ?? 0,
    CurrentBalance: 0,
    CreditHold: (input.CreditHold ?? 'N') as 'Y' | 'N',
    DateCreated: dateOf(now),
    ...stampOf(now),
  };
  books.customers.set(customerKey(ARDivisionNo, CustomerNo), customer);
  return structuredClone(customer);
};

export const updateCustomer = ({ books, locks, now }: FacadeContext, division: string, customerNo: string, change: CustomerChangeInput): Customer => {
  const customer = books.customer(division, customerNo);
  if (!customer) throw notFound(division, customerNo);
  locks.assertFree(books.code, 'Customer', customerKey(division, customerNo));
  if (change.CustomerName !== undefined) requireText('CustomerName', change.CustomerName);
  checkFields(change);
  Object.assign(customer, change, stampOf(now));
  return structuredClone(customer);
};

const normaliseName = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
const normaliseZip = (zip: string) => zip.replace(/\s+/g, '').toUpperCase();

interface CustomerSearch {
  EmailAddress?: string | undefined;
  CustomerName?: string | undefined;
  ZipCode?: string | undefined;
  DateUpdatedFrom?: string | undefined;
  PageSize: number;
  Cursor?: string | undefined;
}

/** An agent would query ODBC with UCASE(...) comparisons; every filter given must match. */
export const searchCustomers = ({ books }: FacadeContext, query: CustomerSearch): Page<Customer> => {
  const email = query.EmailAddress?.trim().toLowerCase();
  const name = query.CustomerName === undefined ? undefined : normaliseName(query.CustomerName);
  const zip = query.ZipCode === undefined ? undefined : normaliseZip(query.ZipCode);
  const found = [...books.customers.values()].filter(
    (c) =>
      (email === undefined || c.EmailAddress.trim().toLowerCase() === email) &&
      (name === undefined || normaliseName(c.CustomerName) === name) &&
      (zip === undefined || normaliseZip(c.ZipCode) === zip),
  );
  return pageOf(found, (c) => customerKey(c.ARDivisionNo, c.CustomerNo), query);
};
