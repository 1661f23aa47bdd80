import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InventoryCoalescer, type PendingLevel } from './inventory-coalescer.js';

const level = (sku: string, sequence: number, options: { available?: string; urgent?: boolean; location?: string } = {}): PendingLevel<string> => {
  const locationId = options.location ?? 'WH-AUSTIN';
  return { key: `${sku}@${locationId}`, level: { sku, locationId, available: options.available ?? String(sequence), sequence }, urgent: options.urgent ?? false, origin: `${sku}#${sequence}` };
};

describe('InventoryCoalescer', () => {
  it('keeps only the newest level per SKU@location until the flush', () => {
    const c = new InventoryCoalescer<string>();
    assert.equal(c.offer('0', '0', level('TRB-MUG-12OZ', 1)), 'buffered');
    assert.equal(c.offer('0', '1', level('TRB-MUG-12OZ', 2)), 'coalesced');
    assert.equal(c.offer('0', '2', level('TRB-MUG-12OZ', 3)), 'coalesced');
    assert.equal(c.offer('1', '0', level('TRB-CUP-ESPRESSO-2PK', 7)), 'buffered');
    assert.deepEqual(c.due().map((e) => [e.key, e.level.sequence]), [['TRB-MUG-12OZ@WH-AUSTIN', 3], ['TRB-CUP-ESPRESSO-2PK@WH-AUSTIN', 7]]);
  });

  it('never takes an older level in place of a newer one, buffered or pushed', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '0', level('TRB-MUG-12OZ', 5));
    assert.equal(c.offer('0', '1', level('TRB-MUG-12OZ', 4)), 'coalesced');
    assert.equal(c.due()[0]!.level.sequence, 5);
    c.acknowledge(c.due());
    assert.equal(c.offer('0', '2', level('TRB-MUG-12OZ', 5)), 'stale', 'the same sequence again (a re-read) is not sent again');
    assert.equal(c.offer('0', '3', level('TRB-MUG-12OZ', 3)), 'stale');
    assert.deepEqual(c.due(), []);
    assert.equal(c.lastPushed('TRB-MUG-12OZ@WH-AUSTIN'), 5);
  });

  it('commits a partition only up to the first message whose key is not pushed yet', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '10', level('A', 1));
    c.offer('0', '11', level('B', 1));
    c.offer('0', '12', level('A', 2));
    assert.deepEqual(c.committable(), [], 'nothing pushed, nothing committable');
    const a = c.due().filter((e) => e.key.startsWith('A@'));
    c.acknowledge(a);
    assert.deepEqual(c.committable(), [{ partition: '0', offset: '11' }], 'offset 10 is settled (A@2 pushed), 11 (B) is not');
    c.acknowledge(c.due());
    assert.deepEqual(c.committable(), [{ partition: '0', offset: '13' }]);
    assert.deepEqual(c.committable(), [], 'reported once');
    assert.equal(c.unsettledCount, 0);
  });

  it('a level that arrives while its key is being pushed stays pending for the next flush', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '0', level('A', 1));
    const inFlight = c.due();
    c.offer('0', '1', level('A', 2));
    c.acknowledge(inFlight);
    assert.deepEqual(c.due().map((e) => e.level.sequence), [2]);
    assert.deepEqual(c.committable(), [{ partition: '0', offset: '1' }]);
  });

  it('oversold levels are urgent; the newest level of that key keeps the urgency', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '0', level('A', 1));
    c.offer('0', '1', level('B', 1, { urgent: true }));
    assert.ok(c.hasUrgent);
    assert.deepEqual(c.due(true).map((e) => e.key), ['B@WH-AUSTIN']);
    c.offer('0', '2', level('B', 2));
    assert.deepEqual(c.due(true).map((e) => e.level.sequence), [2]);
    c.acknowledge(c.due(true));
    assert.ok(!c.hasUrgent);
    assert.deepEqual(c.due().map((e) => e.key), ['A@WH-AUSTIN']);
  });

  it('dead-lettered levels settle their messages without counting as pushed', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '0', level('A', 1));
    c.settle('0', '1');
    c.deadLettered(c.due());
    assert.deepEqual(c.committable(), [{ partition: '0', offset: '2' }]);
    assert.equal(c.lastPushed('A@WH-AUSTIN'), undefined);
  });

  it('after a rebalance forgets the tracked offsets (they are read again) but not what Clarity has', () => {
    const c = new InventoryCoalescer<string>();
    c.offer('0', '0', level('A', 1));
    c.acknowledge(c.due());
    c.offer('0', '1', level('A', 2));
    c.resetPartitions();
    assert.equal(c.unsettledCount, 0);
    assert.equal(c.offer('0', '0', level('A', 1)), 'stale');
    assert.equal(c.offer('0', '1', level('A', 2)), 'coalesced', 'still pending from before');
    c.acknowledge(c.due());
    assert.deepEqual(c.committable(), [{ partition: '0', offset: '2' }]);
  });

  it('1,000 changes of 10 SKUs flushed every 100 messages: each key pushed in increasing order, ending with its last level', () => {
    const c = new InventoryCoalescer<string>();
    const pushed: Array<{ key: string; sequence: number }> = [];
    for (let i = 0; i < 1000; i++) {
      c.offer(String(i % 3), String(Math.floor(i / 3)), level(`SKU-${i % 10}`, Math.floor(i / 10) + 1));
      if (i % 100 === 99) {
        const due = c.due();
        c.acknowledge(due);
        pushed.push(...due.map((e) => ({ key: e.key, sequence: e.level.sequence })));
      }
    }
    assert.equal(pushed.length, 100);
    for (let k = 0; k < 10; k++) {
      const sequences = pushed.filter((p) => p.key === `SKU-${k}@WH-AUSTIN`).map((p) => p.sequence);
      assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b));
      assert.equal(sequences.at(-1), 100);
    }
    assert.equal(c.unsettledCount, 1000);
    assert.equal(c.committable().length, 3);
    assert.equal(c.unsettledCount, 0);
  });
});
