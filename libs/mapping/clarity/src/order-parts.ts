import type { ClarityAddress, ClarityCustomer, ClarityPayment } from '@tributary/connectors-clarity';
import type { OrderCustomer, PaymentInfo, PostalAddress } from '@tributary/canonical-model';
import { amount, toDecimalString } from './money.js';

export const toPostalAddress = (address: ClarityAddress): PostalAddress => ({
  name: address.name,
  line1: address.line1,
  line2: address.line2,
  city: address.city,
  region: address.region,
  postalCode: address.postalCode,
  country: address.country,
});

export const toOrderCustomer = (customerId: string, customer: ClarityCustomer): OrderCustomer => ({
  customerId,
  email: customer.email,
  firstName: customer.firstName,
  lastName: customer.lastName,
  company: customer.company,
  phone: customer.phone,
});

export const toPaymentInfo = (payment: ClarityPayment | null): PaymentInfo | null =>
  payment === null
    ? null
    : {
        method: payment.method,
        transactionId: payment.transactionId,
        amount: toDecimalString(amount(payment.amount)),
        status: payment.status,
      };
