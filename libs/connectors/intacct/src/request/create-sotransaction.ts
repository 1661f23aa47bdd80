import type { IntacctDate, IntacctSalesOrder, IntacctSalesOrderLine } from '../intacct-types.js';
import type { XmlTree } from '../xml/xml-codec.js';
import type { IntacctFunction } from './request-envelope.js';

const twoDigits = (n: number): string => String(n).padStart(2, '0');

const dateXml = (date: IntacctDate): XmlTree => ({
  year: String(date.year),
  month: twoDigits(date.month),
  day: twoDigits(date.day),
});

/** Key order below is the xs:sequence of `sotransitem` in api.xsd; do not reorder. */
export const lineXml = (line: IntacctSalesOrderLine): XmlTree => ({
  itemid: line.itemId,
  itemdesc: line.itemDesc,
  warehouseid: line.warehouseId,
  quantity: String(line.quantity),
  unit: line.unit,
  price: line.price,
  locationid: line.locationId,
  departmentid: line.departmentId,
  memo: line.memo,
  projectid: line.projectId,
  customerid: line.customerDimensionId,
  classid: line.classId,
});

/** Key order below is the xs:sequence of `create_sotransaction` (external-apis §1.9.1); do not reorder. */
export const createSoTransactionXml = (order: IntacctSalesOrder): XmlTree => ({
  transactiontype: order.transactionType,
  datecreated: dateXml(order.dateCreated),
  createdfrom: order.createdFrom,
  customerid: order.customerId,
  referenceno: order.referenceNo,
  message: order.message,
  shippingmethod: order.shippingMethod,
  shipto: order.shipToContact === undefined ? undefined : { contactname: order.shipToContact },
  billto: order.billToContact === undefined ? undefined : { contactname: order.billToContact },
  externalid: order.externalId,
  basecurr: order.baseCurrency,
  currency: order.currency,
  exchratedate: order.exchangeRateDate ? dateXml(order.exchangeRateDate) : undefined,
  exchrate: order.exchangeRate,
  state: order.state,
  projectid: order.projectId,
  sotransitems: { sotransitem: order.lines.map(lineXml) },
  subtotals:
    order.subtotals.length > 0
      ? { subtotal: order.subtotals.map((s) => ({ description: s.description, total: s.total })) }
      : undefined,
});

export const createSoTransactionFunction = (order: IntacctSalesOrder, controlId: string): IntacctFunction => ({
  controlId,
  name: 'create_sotransaction',
  body: { create_sotransaction: createSoTransactionXml(order) },
});
