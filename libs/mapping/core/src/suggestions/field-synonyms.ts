/**
 * Words that name the same thing across Clarity, Intacct, Sage 100 and Salesforce field names.
 * A word may sit in more than one group ("state" is a region on an address and a status on a
 * document); two words are synonyms when they share a group.
 */
const synonymGroups: readonly (readonly string[])[] = [
  ['amount', 'amt', 'total', 'sum'],
  ['quantity', 'qty', 'quan'],
  ['id', 'key', 'identifier'],
  ['number', 'no', 'num', 'nbr'],
  ['customer', 'cust', 'custvend', 'client', 'buyer', 'account'],
  ['vendor', 'vend', 'custvend', 'supplier'],
  ['date', 'created', 'when', 'dt', 'timestamp', 'time'],
  ['modified', 'updated', 'changed'],
  ['sku', 'item', 'product', 'part'],
  ['price', 'rate', 'cost'],
  ['description', 'desc', 'name', 'memo'],
  ['message', 'memo', 'note', 'comment'],
  ['currency', 'curr', 'ccy'],
  ['address', 'addr', 'street'],
  ['zip', 'postal', 'postcode'],
  ['state', 'region', 'province', 'county'],
  ['state', 'status'],
  ['phone', 'tel', 'telephone', 'mobile'],
  ['email', 'mail'],
  ['company', 'org', 'organisation', 'organization', 'business'],
  ['discount', 'disc', 'coupon', 'promo'],
  ['document', 'doc'],
  ['reference', 'ref', 'po'],
  ['ship', 'shipping', 'shipment', 'delivery'],
  ['bill', 'billing', 'invoice'],
  ['warehouse', 'whse', 'location', 'loc', 'store'],
  ['first', 'given'],
  ['last', 'family', 'surname'],
];

/** Word sequences that are one idea: "item id" and "sku" are the same field. */
export const phrases: ReadonlyMap<string, string> = new Map([
  ['item id', 'sku'],
  ['item no', 'sku'],
  ['item number', 'sku'],
  ['item code', 'sku'],
  ['product code', 'sku'],
  ['part number', 'sku'],
  ['unit price', 'price'],
  ['zip code', 'zip'],
  ['postal code', 'zip'],
]);

/** Words that qualify rather than name a field ("order" in orderDate); they count for little. */
const qualifiers: ReadonlySet<string> = new Set(['order', 'info', 'data', 'detail', 'record', 'header', 'at', 'on', 'is', 'has', 'the', 'of', 'value', 'field']);

const groupsOf = new Map<string, Set<number>>();
synonymGroups.forEach((group, n) => {
  for (const word of group) groupsOf.set(word, (groupsOf.get(word) ?? new Set()).add(n));
});

export const areSynonyms = (a: string, b: string): boolean => {
  const groups = groupsOf.get(a);
  if (groups === undefined) return false;
  for (const group of groupsOf.get(b) ?? []) if (groups.has(group)) return true;
  return false;
};

export const QUALIFIER_WEIGHT = 0.3;
export const wordWeight = (word: string): number => (qualifiers.has(word) ? QUALIFIER_WEIGHT : 1);

/** Every word the tables know, for splitting run-together names such as CUSTVENDID. */
export const knownWords: ReadonlySet<string> = new Set([
  ...groupsOf.keys(),
  ...[...phrases.keys()].flatMap((phrase) => phrase.split(' ')),
  ...qualifiers,
]);
