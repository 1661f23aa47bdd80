import { IntegrationError } from '@tributary/core';
import type { Customer, CustomerAddress } from '@tributary/canonical-model';
import { holds, type SalesforceRules } from '@tributary/mapping-core';

/** A Salesforce record as JSON: field API names to values. */
export type SfFields = Record<string, unknown>;

/** Record type ids by DeveloperName and by Name (read once from the org). */
export type RecordTypeIds = ReadonlyMap<string, string>;

/** What a canonical customer becomes in Salesforce. */
export type CustomerPlan =
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'missing-last-name'; readonly reason: string }
  | {
      readonly kind: 'upsert';
      readonly shape: 'business' | 'person-account' | 'account-contact';
      readonly account: SfFields;
      /** Null for a Person Account (the Account is the person). */
      readonly contact: SfFields | null;
      readonly recordType: string;
      readonly appliedRules: readonly string[];
    };

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';

/** Address standardisation: trimmed lines, postcodes upper-cased, ISO country codes as the org's country names. */
export const standardAddress = (address: CustomerAddress | null, prefix: string, rules: SalesforceRules): SfFields => {
  if (!address) return {};
  const street = [address.line1, address.line2].filter((line): line is string => !blank(line)).map((line) => line.trim().replace(/\s+/g, ' ')).join('\n');
  const postal = address.postalCode.trim().replace(/\s+/g, ' ');
  const country = address.country.trim().toUpperCase();
  return {
    [`${prefix}Street`]: street,
    [`${prefix}City`]: address.city.trim(),
    [`${prefix}State`]: address.region?.trim() || null,
    [`${prefix}PostalCode`]: rules.address.upperCasePostalCodes ? postal.toUpperCase() : postal,
    [`${prefix}Country`]: rules.address.countryNames[country] ?? country,
  };
};

/** Picklist values from the mapping file (a JSONata value, mapped; unmapped values fall back to the default or pass through). */
export const picklistValues = async (picklists: SalesforceRules['picklists']['account'], customer: Customer): Promise<SfFields> => {
  const fields: SfFields = {};
  for (const [field, rule] of Object.entries(picklists)) {
    let raw: unknown;
    try {
      raw = await rule.from.evaluate(customer);
    } catch (error) {
      throw IntegrationError.permanent('MAPPING.RULE_FAILED', `picklist ${field} (${rule.from.source}) failed: ${(error as Error).message}`, { field });
    }
    const value = raw === undefined || raw === null ? undefined : String(raw);
    const mapped = value === undefined ? rule.default : rule.map[value] ?? rule.default ?? value;
    if (mapped !== undefined) fields[field] = mapped;
  }
  return fields;
};

/** The record type of a B2B customer: the first rule that holds, else recordTypes.b2b. */
export const recordTypeFor = async (customer: Customer, rules: SalesforceRules): Promise<{ recordType: string; rule: string }> => {
  if (customer.kind !== 'b2b') return { recordType: rules.recordTypes.b2c, rule: 'b2c' };
  for (const rule of rules.recordTypes.rules) if (await holds(rule.when, customer, rule.name)) return { recordType: rule.recordType, rule: rule.name };
  return { recordType: rules.recordTypes.b2b, rule: 'default' };
};

/** The LastName a Contact gets when the customer has none, by the configured rule (undefined: review). */
export const lastNameByRule = (customer: Customer, rules: SalesforceRules): string | undefined => {
  switch (rules.missingLastName.rule) {
    case 'from-email': {
      const local = customer.email?.split('@')[0]?.trim();
      return local ? local : undefined;
    }
    case 'placeholder':
      return rules.missingLastName.placeholder;
    default:
      return undefined;
  }
};

/**
 * A canonical customer → the Account (and Contact) to upsert by the customer external id. Pure
 * but for the JSONata rules. B2B: a business Account named after the company, of the record type
 * the rules choose, with the person as its Contact. B2C: a Person Account, or an Account named
 * after the person plus a Contact (`b2cShape`). A customer outside `syncWhen` is skipped; one
 * without a LastName (after enrichment and the rule) waits for review.
 */
export const toSalesforceCustomer = async (customer: Customer, rules: SalesforceRules, recordTypes: RecordTypeIds): Promise<CustomerPlan> => {
  if (rules.syncWhen && !(await holds(rules.syncWhen, customer, 'salesforce.syncWhen'))) {
    return { kind: 'skip', reason: `customer ${customer.customerId} does not match salesforce.syncWhen (${rules.syncWhen.source})` };
  }
  const ext = rules.externalIds.customer;
  let lastName = blank(customer.lastName) ? undefined : customer.lastName!.trim();
  const applied: string[] = [];
  if (!lastName) {
    lastName = lastNameByRule(customer, rules);
    if (!lastName) return { kind: 'missing-last-name', reason: `customer ${customer.customerId} has no last name (Contact.LastName is required) and missingLastName.rule is ${rules.missingLastName.rule}` };
    applied.push(`missingLastName:${rules.missingLastName.rule}`);
  }
  const firstName = blank(customer.firstName) ? null : customer.firstName!.trim();
  const { recordType, rule } = await recordTypeFor(customer, rules);
  applied.push(`recordType:${rule}`);
  const recordTypeId = recordTypes.get(recordType);
  if (!recordTypeId) throw IntegrationError.permanent('MAPPING.UNKNOWN_RECORD_TYPE', `the org has no Account record type "${recordType}" (known: ${[...recordTypes.keys()].join(', ')})`, { recordType });
  const accountPicklists = await picklistValues(rules.picklists.account, customer);
  const contactPicklists = await picklistValues(rules.picklists.contact, customer);
  const billing = standardAddress(customer.billingAddress, 'Billing', rules);
  const shipping = standardAddress(customer.shippingAddress, 'Shipping', rules);
  const mailing = standardAddress(customer.billingAddress ?? customer.shippingAddress, 'Mailing', rules);
  const personName = [firstName, lastName].filter(Boolean).join(' ');
  const contact: SfFields = {
    [ext]: customer.customerId, FirstName: firstName, LastName: lastName, Email: customer.email, Phone: customer.phone,
    HasOptedOutOfEmail: customer.marketingOptIn === null ? undefined : !customer.marketingOptIn, ...mailing, ...contactPicklists,
  };
  const withoutUndefined = (fields: SfFields): SfFields => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

  if (customer.kind === 'b2b') {
    const name = blank(customer.company) ? personName : customer.company!.trim();
    return {
      kind: 'upsert', shape: 'business', recordType, appliedRules: applied,
      account: withoutUndefined({ [ext]: customer.customerId, Name: name, RecordTypeId: recordTypeId, Phone: customer.phone, ...billing, ...shipping, ...accountPicklists }),
      contact: withoutUndefined(contact),
    };
  }
  if (rules.b2cShape === 'person-account') {
    const personMailing = standardAddress(customer.billingAddress ?? customer.shippingAddress, 'PersonMailing', rules);
    return {
      kind: 'upsert', shape: 'person-account', recordType, appliedRules: applied,
      account: withoutUndefined({ [ext]: customer.customerId, RecordTypeId: recordTypeId, FirstName: firstName, LastName: lastName, PersonEmail: customer.email, Phone: customer.phone, ...billing, ...shipping, ...personMailing, ...accountPicklists }),
      contact: null,
    };
  }
  const businessType = recordTypes.get(rules.recordTypes.b2b);
  return {
    kind: 'upsert', shape: 'account-contact', recordType: rules.recordTypes.b2b, appliedRules: applied,
    account: withoutUndefined({ [ext]: customer.customerId, Name: personName, ...(businessType ? { RecordTypeId: businessType } : {}), Phone: customer.phone, ...billing, ...shipping, ...accountPicklists }),
    contact: withoutUndefined(contact),
  };
};

/** A Clarity customer record (enrichment) → the names a canonical customer lacks. */
export const enrichCustomer = (customer: Customer, clarity: { firstName?: string | null | undefined; lastName?: string | null | undefined; company?: string | null | undefined; email?: string | null | undefined } | null): Customer => {
  if (!clarity) return customer;
  return {
    ...customer,
    firstName: blank(customer.firstName) ? clarity.firstName ?? customer.firstName : customer.firstName,
    lastName: blank(customer.lastName) ? clarity.lastName ?? customer.lastName : customer.lastName,
    company: blank(customer.company) ? clarity.company ?? customer.company : customer.company,
    email: blank(customer.email) ? clarity.email ?? customer.email : customer.email,
  };
};
