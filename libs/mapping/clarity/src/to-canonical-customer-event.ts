import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityAddress, ClarityCustomerRecord, ClarityCustomerWebhook } from '@tributary/connectors-clarity';
import type { Customer, CustomerAddress, CustomerEvent } from '@tributary/canonical-model';
import { contentVersion } from './content-version.js';
import { envelopeFrom, type EventContext } from './event-context.js';

export const CUSTOMER_EVENT_SCHEMA_VERSION = 1;

const toCustomerAddress = (address: ClarityAddress | null): CustomerAddress | null =>
  address === null
    ? null
    : { name: address.name, line1: address.line1, line2: address.line2, city: address.city, region: address.region, postalCode: address.postalCode, country: address.country };

const blankToNull = (text: string | null): string | null => (text === null || text.trim() === '' ? null : text);

type CustomerContent = Omit<Customer, 'modifiedAt' | 'version' | 'changedFields'>;

/** The customer's version: its modification time plus a hash of what it holds (see contentVersion). */
export const customerVersion = (modifiedAt: string, content: CustomerContent): string =>
  contentVersion(modifiedAt, [
    content.customerId, content.kind, content.email, content.firstName, content.lastName, content.company, content.phone,
    content.billingAddress, content.shippingAddress, content.marketingOptIn,
  ]);

/**
 * Clarity's customer → the canonical customer, keyed by Clarity's id. A company name makes it a
 * business (b2b). The changed fields are passed on as Clarity names them (its names are the
 * canonical ones), each once; an empty list means "unknown": consumers treat every field as given.
 */
export const toCanonicalCustomer = (data: ClarityCustomerRecord): Customer => {
  const company = blankToNull(data.company);
  const content: CustomerContent = {
    customerId: data.customerId,
    clarityId: data.customerId,
    salesforceAccountId: null,
    salesforceContactId: null,
    kind: company === null ? 'b2c' : 'b2b',
    email: blankToNull(data.email),
    firstName: blankToNull(data.firstName),
    lastName: blankToNull(data.lastName),
    company,
    phone: blankToNull(data.phone),
    billingAddress: toCustomerAddress(data.billingAddress),
    shippingAddress: toCustomerAddress(data.shippingAddress),
    marketingOptIn: data.marketingOptIn,
    accountOwner: null,
  };
  return {
    ...content,
    modifiedAt: Date.parse(data.modifiedAt),
    version: customerVersion(data.modifiedAt, content),
    changedFields: [...new Set(data.changedFields)],
  };
};

/** A verified, validated Clarity customer webhook → `commerce.customer.v1` event. Pure and total. */
export const toCanonicalCustomerEvent = (webhook: ClarityCustomerWebhook, ctx: EventContext): Result<CustomerEvent, IntegrationError> =>
  ok({ ...envelopeFrom(webhook, ctx, CUSTOMER_EVENT_SCHEMA_VERSION), eventType: webhook.type, customer: toCanonicalCustomer(webhook.data) });
