/** What the simulator knows of each standard object: its key prefix, writable and read-only fields. */
export interface ObjectSpec {
  prefix: string;
  /** Fields a client may set (custom `__c` fields are always accepted). */
  writable: readonly string[];
  /** Fields the org computes; setting one is INVALID_FIELD_FOR_INSERT_UPDATE. */
  computed: readonly string[];
  /** Compound fields as CDC nests them: `BillingAddress: { Street, City, … }`. */
  compounds?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const address = (p: string) => [`${p}Street`, `${p}City`, `${p}State`, `${p}PostalCode`, `${p}Country`, `${p}StateCode`, `${p}CountryCode`];
const compoundAddress = (p: string, name = `${p}Address`) => ({
  [name]: { Street: `${p}Street`, City: `${p}City`, State: `${p}State`, PostalCode: `${p}PostalCode`, Country: `${p}Country`, StateCode: `${p}StateCode`, CountryCode: `${p}CountryCode` },
});

export const SYSTEM_FIELDS = ['Id', 'IsDeleted', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'] as const;

export const OBJECTS: Readonly<Record<string, ObjectSpec>> = {
  Account: {
    prefix: '001',
    writable: [
      'Name', 'Type', 'RecordTypeId', 'ParentId', 'Phone', 'Fax', 'Website', 'Industry', 'Description', 'AccountNumber', 'AccountSource',
      'NumberOfEmployees', 'AnnualRevenue', 'OwnerId', 'CurrencyIsoCode', ...address('Billing'), ...address('Shipping'),
      'FirstName', 'LastName', 'Salutation', 'PersonEmail', 'PersonMobilePhone', 'PersonHomePhone', 'PersonBirthdate', ...address('PersonMailing'),
    ],
    computed: ['IsPersonAccount', 'PersonContactId'],
    compounds: { ...compoundAddress('Billing'), ...compoundAddress('Shipping'), ...compoundAddress('PersonMailing') },
  },
  Contact: {
    prefix: '003',
    writable: [
      'FirstName', 'LastName', 'Salutation', 'AccountId', 'Email', 'Phone', 'MobilePhone', 'HomePhone', 'Title', 'Department', 'Birthdate',
      'Description', 'LeadSource', 'OwnerId', 'HasOptedOutOfEmail', 'DoNotCall', 'CurrencyIsoCode', ...address('Mailing'), ...address('Other'),
    ],
    computed: ['Name'],
    compounds: { Name: { Salutation: 'Salutation', FirstName: 'FirstName', LastName: 'LastName' }, ...compoundAddress('Mailing'), ...compoundAddress('Other') },
  },
  Order: {
    prefix: '801',
    writable: [
      'AccountId', 'EffectiveDate', 'EndDate', 'Status', 'Pricebook2Id', 'Description', 'Type', 'PoNumber', 'PoDate', 'ContractId', 'OwnerId',
      'CurrencyIsoCode', 'Name', ...address('Billing'), ...address('Shipping'),
    ],
    computed: ['OrderNumber', 'TotalAmount', 'StatusCode'],
    compounds: { ...compoundAddress('Billing'), ...compoundAddress('Shipping') },
  },
  OrderItem: {
    prefix: '802',
    writable: ['OrderId', 'PricebookEntryId', 'Quantity', 'UnitPrice', 'Description', 'ServiceDate', 'EndDate'],
    computed: ['Product2Id', 'ListPrice', 'TotalPrice', 'OrderItemNumber'],
  },
  Product2: {
    prefix: '01t',
    writable: ['Name', 'ProductCode', 'Description', 'IsActive', 'Family', 'StockKeepingUnit', 'QuantityUnitOfMeasure', 'CurrencyIsoCode'],
    computed: [],
  },
  Pricebook2: { prefix: '01s', writable: ['Name', 'IsActive', 'Description'], computed: ['IsStandard'] },
  PricebookEntry: {
    prefix: '01u',
    writable: ['Pricebook2Id', 'Product2Id', 'UnitPrice', 'IsActive', 'UseStandardPrice', 'CurrencyIsoCode'],
    computed: ['ProductCode', 'Name'],
  },
  Opportunity: {
    prefix: '006',
    writable: ['Name', 'AccountId', 'StageName', 'CloseDate', 'Amount', 'Pricebook2Id', 'Description', 'Type', 'LeadSource', 'Probability', 'OwnerId', 'CurrencyIsoCode'],
    computed: ['IsClosed', 'IsWon'],
  },
  OpportunityLineItem: {
    prefix: '00k',
    writable: ['OpportunityId', 'PricebookEntryId', 'Quantity', 'UnitPrice', 'TotalPrice', 'Description', 'ServiceDate'],
    computed: ['Product2Id', 'ListPrice', 'ProductCode', 'Name'],
  },
  RecordType: { prefix: '012', writable: ['Name', 'DeveloperName', 'SobjectType', 'IsActive', 'Description'], computed: ['IsPersonType'] },
  User: { prefix: '005', writable: ['Username', 'FirstName', 'LastName', 'Email', 'IsActive'], computed: ['Name'] },
};

export const isCustomField = (field: string) => /^[A-Za-z][A-Za-z0-9_]*__c$/.test(field);

/** Whether `field` exists on the object (standard, computed, system or custom). */
export const hasField = (type: string, field: string): boolean => {
  const spec = OBJECTS[type];
  if (!spec) return false;
  return isCustomField(field) || spec.writable.includes(field) || spec.computed.includes(field) || (SYSTEM_FIELDS as readonly string[]).includes(field);
};

/** The object a key prefix belongs to. */
export const typeOfId = (id: string): string | undefined => Object.entries(OBJECTS).find(([, spec]) => id.startsWith(spec.prefix))?.[0];

/** Case-insensitive lookup of an object's API name, as Salesforce accepts `account` for `Account`. */
export const canonicalType = (name: string): string | undefined => Object.keys(OBJECTS).find((type) => type.toLowerCase() === name.toLowerCase());

/** Case-insensitive lookup of a field's API name on an object. */
export const canonicalField = (type: string, field: string): string | undefined => {
  const spec = OBJECTS[type];
  if (!spec) return undefined;
  if (isCustomField(field)) return field;
  const all = [...SYSTEM_FIELDS, ...spec.writable, ...spec.computed];
  return all.find((f) => f.toLowerCase() === field.toLowerCase());
};
