export { toSalesforceCustomer, enrichCustomer, standardAddress, picklistValues, recordTypeFor, lastNameByRule, type CustomerPlan, type RecordTypeIds, type SfFields } from './customer.js';
export { toSalesforceOrderComposite, toSalesforceProduct, accountForOrder, orderTargetFor, salesforceAmount, MAX_ITEMS_PER_COMPOSITE } from './order.js';
export { toCanonicalCustomer, canonicalChangedFields, modstampOf, salesforceVersion, parseSalesforceVersion, ACCOUNT_FIELDS, CONTACT_FIELDS, type InboundContext } from './inbound-customer.js';
export { reconcileSalesforceRecords, combineSalesforceReconciliation, type SalesforceReconciliation, type SalesforceFinding, type SalesforceSection, type ExpectedSfRecord, type FoundSfRecord, type SalesforceRecordKind } from './reconciliation.js';
