import type { StoredGlEntry } from '../simulator-types.js';
import { childText, type XmlElement } from '../xml/xml-reader.js';

/** A positive amount with at most two decimals, as GLENTRY.TRX_AMOUNT takes it. */
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;
const RATE = /^\d+(\.\d+)?$/;

/** Whole cents of an amount, or undefined when it is not one. Never a float: 0.10 + 0.20 is 0.30 here. */
export const centsOf = (amount: string): bigint | undefined => {
  const match = AMOUNT.exec(amount);
  if (!match) return undefined;
  return BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
};

export const formatCents = (cents: bigint): string => {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

const text = (parent: XmlElement, name: string): string | undefined => {
  const value = childText(parent, name);
  return value === undefined || value === '' ? undefined : value;
};

/** One GLENTRY read and checked; `problem` is description2 of the refusal. */
export type GlEntryLine = { entry: Omit<StoredGlEntry, 'recordNo'>; cents: bigint } | { problem: string };

/** Reads the GLENTRY at 1-based `lineNo`: ACCOUNTNO, TRX_AMOUNT and TR_TYPE are required. */
export const glEntryLine = (glEntry: XmlElement, lineNo: number): GlEntryLine => {
  const accountNo = text(glEntry, 'ACCOUNTNO');
  const amount = text(glEntry, 'TRX_AMOUNT');
  const trType = text(glEntry, 'TR_TYPE');
  if (!accountNo) return { problem: `GLENTRY ${lineNo}: ACCOUNTNO is required.` };
  if (amount === undefined) return { problem: `GLENTRY ${lineNo}: TRX_AMOUNT is required.` };
  const cents = centsOf(amount);
  if (cents === undefined || cents === 0n) {
    return { problem: `GLENTRY ${lineNo}: TRX_AMOUNT '${amount}' is not a positive amount with at most 2 decimals.` };
  }
  if (trType !== '1' && trType !== '-1') return { problem: `GLENTRY ${lineNo}: TR_TYPE '${trType ?? ''}' must be 1 (debit) or -1 (credit).` };
  const exchangeRate = text(glEntry, 'EXCHANGE_RATE');
  if (exchangeRate !== undefined && (!RATE.test(exchangeRate) || Number(exchangeRate) === 0)) {
    return { problem: `GLENTRY ${lineNo}: EXCHANGE_RATE '${exchangeRate}' is not a positive rate.` };
  }
  const entry: Omit<StoredGlEntry, 'recordNo'> = { lineNo, accountNo, trType: trType === '1' ? 1 : -1, amount: formatCents(cents) };
  const optional = [
    ['currency', 'CURRENCY'], ['exchangeRate', 'EXCHANGE_RATE'], ['description', 'DESCRIPTION'], ['location', 'LOCATION'],
    ['department', 'DEPARTMENT'], ['customerId', 'CUSTOMERID'],
  ] as const;
  for (const [field, name] of optional) {
    const value = text(glEntry, name);
    if (value !== undefined) entry[field] = value;
  }
  return { entry, cents };
};
