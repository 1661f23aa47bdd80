import { checkSequence, oneOrMore, optional, required, type SequenceParticle } from '../gateway/schema-sequence.js';
import { child, childrenNamed, type XmlElement } from '../xml/xml-reader.js';

/** xs:sequence of create_sotransaction in the published v3.0 api.xsd (external-apis §1.9.1). */
export const CREATE_SOTRANSACTION_SEQUENCE: readonly SequenceParticle[] = [
  required('transactiontype'),
  required('datecreated'),
  optional('dateposted'),
  optional('createdfrom'),
  required('customerid'),
  optional('documentno'),
  optional('origdocdate'),
  optional('referenceno'),
  optional('termname'),
  optional('datedue'),
  optional('message'),
  optional('shippingmethod'),
  optional('shipto'),
  optional('billto'),
  optional('supdocid'),
  optional('externalid'),
  optional('basecurr'),
  optional('currency'),
  optional('exchratedate'),
  optional('exchratetype'),
  optional('exchrate'),
  optional('customfields'),
  optional('state'),
  optional('projectid'),
  required('sotransitems'),
  optional('subtotals'),
];

export const SOTRANSITEM_SEQUENCE: readonly SequenceParticle[] = [
  required('itemid'),
  optional('itemdesc'),
  optional('taxable'),
  optional('warehouseid'),
  required('quantity'),
  optional('unit'),
  optional('discountpercent'),
  optional('price'),
  optional('sourcelinekey'),
  optional('locationid'),
  optional('departmentid'),
  optional('memo'),
  optional('itemdetails'),
  optional('projectid'),
  optional('customerid'),
  optional('vendorid'),
  optional('employeeid'),
  optional('classid'),
  optional('contractid'),
  optional('fulfillmentstatus'),
  optional('taskno'),
  optional('dropship'),
];

const SUBTOTAL_SEQUENCE: readonly SequenceParticle[] = [
  required('description'),
  required('total'),
  optional('absval'),
  optional('percentval'),
  optional('locationid'),
  optional('departmentid'),
  optional('projectid'),
  optional('customerid'),
  optional('vendorid'),
  optional('employeeid'),
  optional('classid'),
  optional('itemid'),
  optional('contractid'),
];

const DATE_SEQUENCE = [required('year'), required('month'), required('day')];

/** `<shipto>` and `<billto>` name a contact by its CONTACTNAME. */
const CONTACT_REFERENCE_SEQUENCE = [required('contactname')];

/** The first schema violation in a create_sotransaction, if any. */
export const createSoTransactionSchemaError = (verb: XmlElement): string | undefined => {
  const checks: Array<[XmlElement | undefined, readonly SequenceParticle[]]> = [
    [verb, CREATE_SOTRANSACTION_SEQUENCE],
    [child(verb, 'datecreated'), DATE_SEQUENCE],
    [child(verb, 'shipto'), CONTACT_REFERENCE_SEQUENCE],
    [child(verb, 'billto'), CONTACT_REFERENCE_SEQUENCE],
    [child(verb, 'sotransitems'), [oneOrMore('sotransitem')]],
    ...childrenNamed(child(verb, 'sotransitems') ?? verb, 'sotransitem').map(
      (item): [XmlElement, readonly SequenceParticle[]] => [item, SOTRANSITEM_SEQUENCE],
    ),
    [child(verb, 'subtotals'), [oneOrMore('subtotal')]],
    ...childrenNamed(child(verb, 'subtotals') ?? verb, 'subtotal').map(
      (subtotal): [XmlElement, readonly SequenceParticle[]] => [subtotal, SUBTOTAL_SEQUENCE],
    ),
  ];
  for (const [element, sequence] of checks) {
    const problem = element ? checkSequence(element, sequence) : undefined;
    if (problem) return problem;
  }
  return undefined;
};

/**
 * xs:sequence of update_sotransaction as the SDKs write it (external-apis §1.9.1). The simulator also
 * takes a create-style `subtotals` after `updatesubtotals`; either replaces the document's subtotals.
 */
export const UPDATE_SOTRANSACTION_SEQUENCE: readonly SequenceParticle[] = [
  optional('datecreated'),
  optional('dateposted'),
  optional('referenceno'),
  optional('termname'),
  optional('datedue'),
  optional('origdocdate'),
  optional('message'),
  optional('shippingmethod'),
  optional('shipto'),
  optional('billto'),
  optional('supdocid'),
  optional('externalid'),
  optional('basecurr'),
  optional('currency'),
  optional('exchratedate'),
  optional('exchratetype'),
  optional('exchrate'),
  optional('vsoepricelist'),
  optional('customfields'),
  optional('state'),
  optional('projectid'),
  optional('updatesotransitems'),
  optional('updatesubtotals'),
  optional('subtotals'),
];

/** updatesotransitem: the sotransitem elements, all optional (only the ones given change). */
const UPDATESOTRANSITEM_SEQUENCE: readonly SequenceParticle[] = SOTRANSITEM_SEQUENCE.map((particle) => optional(particle.name));

const keyAttributeError = (verb: XmlElement): string | undefined =>
  (verb.attributes['key'] ?? '') === '' ? `Element '${verb.name}': The attribute 'key' is required but missing.` : undefined;

/** The first schema violation in an update_sotransaction, if any. */
export const updateSoTransactionSchemaError = (verb: XmlElement): string | undefined => {
  const keyProblem = keyAttributeError(verb);
  if (keyProblem) return keyProblem;
  const lineItems = child(verb, 'updatesotransitems');
  const checks: Array<[XmlElement | undefined, readonly SequenceParticle[]]> = [
    [verb, UPDATE_SOTRANSACTION_SEQUENCE],
    [child(verb, 'datecreated'), DATE_SEQUENCE],
    [child(verb, 'shipto'), CONTACT_REFERENCE_SEQUENCE],
    [child(verb, 'billto'), CONTACT_REFERENCE_SEQUENCE],
    ...(lineItems?.children ?? []).map((item): [XmlElement, readonly SequenceParticle[]] => [
      item,
      item.name === 'updatesotransitem' ? UPDATESOTRANSITEM_SEQUENCE : SOTRANSITEM_SEQUENCE,
    ]),
    [child(verb, 'updatesubtotals'), [oneOrMore('updatesubtotal')]],
    ...childrenNamed(child(verb, 'updatesubtotals') ?? verb, 'updatesubtotal').map(
      (subtotal): [XmlElement, readonly SequenceParticle[]] => [subtotal, SUBTOTAL_SEQUENCE],
    ),
    [child(verb, 'subtotals'), [oneOrMore('subtotal')]],
    ...childrenNamed(child(verb, 'subtotals') ?? verb, 'subtotal').map(
      (subtotal): [XmlElement, readonly SequenceParticle[]] => [subtotal, SUBTOTAL_SEQUENCE],
    ),
  ];
  for (const item of lineItems?.children ?? []) {
    if (item.name !== 'updatesotransitem' && item.name !== 'sotransitem') {
      return `Element '${item.name}': This element is not expected. Expected is ( updatesotransitem, sotransitem ).`;
    }
    if (item.name === 'updatesotransitem' && !/^[1-9]\d*$/.test(item.attributes['line_num'] ?? '')) {
      return "Element 'updatesotransitem', attribute 'line_num': must be a positive integer.";
    }
  }
  if (lineItems && lineItems.children.length === 0) return "Element 'updatesotransitems': Missing child element(s). Expected is ( updatesotransitem, sotransitem ).";
  for (const [element, sequence] of checks) {
    const problem = element ? checkSequence(element, sequence) : undefined;
    if (problem) return problem;
  }
  return undefined;
};

/** delete_sotransaction is an empty element with a `key` attribute. */
export const deleteSoTransactionSchemaError = (verb: XmlElement): string | undefined =>
  keyAttributeError(verb) ??
  (verb.children[0] ? `Element '${verb.children[0].name}': This element is not expected.` : undefined);
