import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { salesOrderControlId } from './sales-order-control-id.js';

describe('salesOrderControlId', () => {
  it('is the same for the same order, every time', () => {
    assert.equal(salesOrderControlId('clarity-ord-10045'), 'so-create-clarity-ord-10045');
    assert.equal(salesOrderControlId('clarity-ord-10045'), salesOrderControlId('clarity-ord-10045'));
    assert.notEqual(salesOrderControlId('clarity-ord-10045'), salesOrderControlId('clarity-ord-10046'));
  });

  it('hashes ids that are long or carry unsafe characters', () => {
    for (const id of ['x'.repeat(5000), 'ord 10045 <&>"', 'ordre-n°42', '']) {
      const controlId = salesOrderControlId(id);
      assert.match(controlId, /^so-create-sha256-[0-9a-f]{64}$/);
      assert.ok(controlId.length <= 256);
      assert.equal(salesOrderControlId(id), controlId);
    }
    assert.notEqual(salesOrderControlId('ord 1'), salesOrderControlId('ord 2'));
  });
});
