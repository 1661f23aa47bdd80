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

/** The first schema violation in a create_sotransaction, if any. */
export const createSoTransactionSchemaError = (verb: XmlElement): string | undefined => {
  const checks: Array<[XmlElement | undefined, readonly SequenceParticle[]]> = [
    [verb, CREATE_SOTRANSACTION_SEQUENCE],
    [child(verb, 'datecreated'), DATE_SEQUENCE],
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
