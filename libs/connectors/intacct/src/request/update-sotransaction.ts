import type { IntacctSalesOrderChange, IntacctSalesOrderLine, IntacctSubtotal } from '../intacct-types.js';
import { ATTRIBUTE_PREFIX, type XmlTree } from '../xml/xml-codec.js';
import { lineXml } from './create-sotransaction.js';
import type { IntacctFunction } from './request-envelope.js';

type LineUpdate = { lineNo: number } & Partial<IntacctSalesOrderLine>;

/** Key order below is the xs:sequence of `sotransitem` in api.xsd (every element optional here); do not reorder. */
const updateLineXml = (line: LineUpdate): XmlTree => ({
  [`${ATTRIBUTE_PREFIX}line_num`]: String(line.lineNo),
  itemid: line.itemId,
  itemdesc: line.itemDesc,
  warehouseid: line.warehouseId,
  quantity: line.quantity === undefined ? undefined : String(line.quantity),
  unit: line.unit,
  price: line.price,
  locationid: line.locationId,
  departmentid: line.departmentId,
  memo: line.memo,
  projectid: line.projectId,
  customerid: line.customerDimensionId,
  classid: line.classId,
});

const subtotalXml = (subtotal: IntacctSubtotal): XmlTree => ({ description: subtotal.description, total: subtotal.total });

/**
 * Key order below is the xs:sequence of `update_sotransaction` as the SDKs write it
 * (external-apis §1.9.1): header fields, then `updatesotransitems`, then `updatesubtotals`.
 */
export const updateSoTransactionXml = (docId: string, change: IntacctSalesOrderChange): XmlTree => {
  const updates = change.updateLines ?? [];
  const additions = change.addLines ?? [];
  return {
    [`${ATTRIBUTE_PREFIX}key`]: docId,
    message: change.message,
    shipto: change.shipToContact === undefined ? undefined : { contactname: change.shipToContact },
    billto: change.billToContact === undefined ? undefined : { contactname: change.billToContact },
    state: change.state,
    updatesotransitems:
      updates.length + additions.length > 0
        ? {
            ...(updates.length > 0 ? { updatesotransitem: updates.map(updateLineXml) } : {}),
            ...(additions.length > 0 ? { sotransitem: additions.map(lineXml) } : {}),
          }
        : undefined,
    updatesubtotals: change.subtotals?.length ? { updatesubtotal: change.subtotals.map(subtotalXml) } : undefined,
  };
};

export const updateSoTransactionFunction = (docId: string, change: IntacctSalesOrderChange, controlId: string): IntacctFunction => ({
  controlId,
  name: 'update_sotransaction',
  body: { update_sotransaction: updateSoTransactionXml(docId, change) },
});

export const deleteSoTransactionFunction = (docId: string, controlId: string): IntacctFunction => ({
  controlId,
  name: 'delete_sotransaction',
  body: { delete_sotransaction: { [`${ATTRIBUTE_PREFIX}key`]: docId } },
});
