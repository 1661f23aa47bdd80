import { Decimal } from 'decimal.js';
import type { Sage100Customer } from '@tributary/connectors-sage100';

/**
 * Why an order must not simply go through for this customer: on credit hold, or its balance plus
 * the order would exceed CreditLimit (a limit of 0 means none). Null when credit is fine.
 */
export const creditProblem = (customer: Pick<Sage100Customer, 'CreditHold' | 'CreditLimit' | 'CurrentBalance' | 'CustomerNo'>, orderTotal: string): string | null => {
  if (customer.CreditHold === 'Y') return `customer ${customer.CustomerNo} is on credit hold`;
  if (customer.CreditLimit > 0) {
    const exposure = new Decimal(customer.CurrentBalance).plus(orderTotal);
    if (exposure.greaterThan(customer.CreditLimit)) return `balance ${customer.CurrentBalance.toFixed(2)} + order ${orderTotal} exceeds the credit limit ${customer.CreditLimit.toFixed(2)} of customer ${customer.CustomerNo}`;
  }
  return null;
};
