import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { buildRequestXml } from './request-envelope.js';
import { deleteSoTransactionFunction, updateSoTransactionFunction } from './update-sotransaction.js';
import type { IntacctFunction } from './request-envelope.js';

const request = (fn: IntacctFunction) =>
  buildRequestXml({ senderId: 'tributary', senderPassword: 'sp', requestControlId: 'req-1' }, { kind: 'session', sessionId: 'sess-abc' }, [fn]);

const orderedParse = (xml: string) =>
  new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false }).parse(xml) as Array<Record<string, unknown>>;

type Node = Record<string, unknown>;
const names = (nodes: Node[]) => nodes.flatMap((node) => Object.keys(node).filter((k) => k !== ':@' && k !== '#text'));
const find = (nodes: Node[], path: string[]): Node => {
  let current: Node | undefined;
  let level = nodes;
  for (const name of path) {
    current = level.find((n) => name in n);
    assert.ok(current, `missing <${name}>`);
    level = current[name] as Node[];
  }
  return current as Node;
};
const verbOf = (xml: string, verb: string) => find(orderedParse(xml), ['request', 'operation', 'content', 'function', verb]);

describe('update_sotransaction request', () => {
  const fn = updateSoTransactionFunction(
    'Sales Order-SO0001',
    {
      message: 'Changed & "confirmed"',
      state: 'Pending',
      updateLines: [{ lineNo: 2, quantity: 3, price: '8.50', memo: 'more' }],
      addLines: [{ itemId: 'SKU-9', quantity: 1, price: '4.00', warehouseId: 'WH1' }],
      subtotals: [{ description: 'Shipping', total: '9.95' }],
    },
    'so-update-1',
  );

  it('names the document in the key attribute and keeps the controlid', () => {
    const verb = verbOf(request(fn), 'update_sotransaction');
    assert.deepEqual(verb[':@'], { key: 'Sales Order-SO0001' });
    assert.equal(fn.controlId, 'so-update-1');
    assert.equal(fn.name, 'update_sotransaction');
  });

  it('follows the SDK order: header, updatesotransitems (updates, then new lines), updatesubtotals', () => {
    const verb = verbOf(request(fn), 'update_sotransaction');
    const children = verb['update_sotransaction'] as Node[];
    assert.deepEqual(names(children), ['message', 'state', 'updatesotransitems', 'updatesubtotals']);
    const items = find(children, ['updatesotransitems'])['updatesotransitems'] as Node[];
    assert.deepEqual(names(items), ['updatesotransitem', 'sotransitem']);
    const update = items[0] as Node;
    assert.deepEqual(update[':@'], { line_num: '2' });
    assert.deepEqual(names(update['updatesotransitem'] as Node[]), ['quantity', 'price', 'memo']);
    assert.deepEqual(names((items[1] as Node)['sotransitem'] as Node[]), ['itemid', 'warehouseid', 'quantity', 'price']);
    assert.deepEqual(names(find(children, ['updatesubtotals'])['updatesubtotals'] as Node[]), ['updatesubtotal']);
  });

  it('switches the ship-to (and bill-to) contact in the header, after message and before state', () => {
    const moved = updateSoTransactionFunction('Sales Order-SO0001', { message: 'Ship to: 700 Lavaca St', shipToContact: 'C-1001 Jane Roe - 0c4d5e6f7a', billToContact: 'C-1001 Jane Roe - 3f9a1c07b2', state: 'Pending', subtotals: [] }, 'so-update-2');
    const children = verbOf(request(moved), 'update_sotransaction')['update_sotransaction'] as Node[];
    assert.deepEqual(names(children), ['message', 'shipto', 'billto', 'state']);
    assert.deepEqual(names(find(children, ['shipto'])['shipto'] as Node[]), ['contactname']);
    assert.match(request(moved), /<shipto><contactname>C-1001 Jane Roe - 0c4d5e6f7a<\/contactname><\/shipto>/);
  });

  it('escapes text and leaves out what is not changed', () => {
    const xml = request(fn);
    assert.match(xml, /<message>Changed &amp; &quot;confirmed&quot;<\/message>/);
    const bare = request(updateSoTransactionFunction('Sales Order-SO0002', { addLines: [{ itemId: 'A', quantity: 2, price: '1.00' }] }, 'c'));
    assert.match(bare, /<update_sotransaction key="Sales Order-SO0002"><updatesotransitems><sotransitem><itemid>A<\/itemid><quantity>2<\/quantity><price>1.00<\/price><\/sotransitem><\/updatesotransitems><\/update_sotransaction>/);
  });
});

describe('delete_sotransaction request', () => {
  it('is an empty element with the key attribute', () => {
    const fn = deleteSoTransactionFunction('Sales Order-SO0001', 'so-delete-1');
    assert.equal(fn.name, 'delete_sotransaction');
    assert.match(request(fn), /<function controlid="so-delete-1"><delete_sotransaction key="Sales Order-SO0001"\/><\/function>/);
  });
});
