import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeliveryMemory } from './delivery-memory.js';
import { positionHeaders } from '@tributary/mapping-clarity';

const HOUR = 3_600_000;

describe('DeliveryMemory', () => {
  it('forgets ids older than the window, and the oldest beyond the count', () => {
    const memory = new DeliveryMemory({ windowMs: 48 * HOUR, maxEntries: 3 });
    memory.remember('evt_1', 0, null);
    memory.remember('evt_2', 47 * HOUR, null);
    assert.equal(memory.hasSeen('evt_1', 47 * HOUR), true);
    assert.equal(memory.hasSeen('evt_1', 49 * HOUR), false, 'out of the window');
    assert.equal(memory.hasSeen('evt_2', 49 * HOUR), true);
    for (const id of ['evt_3', 'evt_4', 'evt_5']) memory.remember(id, 49 * HOUR, null);
    assert.equal(memory.hasSeen('evt_2', 49 * HOUR), false, 'the oldest beyond the count');
    assert.equal(memory.hasSeen('evt_5', 49 * HOUR), true);
  });

  it('keeps the newest state per entity: revisions first, then time; equal is not older', () => {
    const memory = new DeliveryMemory({ windowMs: HOUR, maxEntries: 10 });
    memory.remember('a', 0, { entity: 'customer:1', at: 2000, revision: 5 });
    assert.deepEqual(memory.newerThan({ entity: 'customer:1', at: 9000, revision: 4 })?.revision, 5, 'a lower revision is older whatever its time');
    assert.equal(memory.newerThan({ entity: 'customer:1', at: 1000, revision: 5 }), null);
    assert.equal(memory.newerThan({ entity: 'customer:2', at: 0, revision: null }), null);
    memory.remember('b', 0, { entity: 'order:9', at: 2000, revision: null });
    assert.notEqual(memory.newerThan({ entity: 'order:9', at: 1999, revision: null }), null);
    memory.remember('c', 0, { entity: 'order:9', at: 1000, revision: null });
    assert.equal(memory.newerThan({ entity: 'order:9', at: 2000, revision: null }), null, 'an older state never replaces the newest');
  });

  it('is rebuilt from audit records (ids from keys, states from headers), in any order', () => {
    const memory = new DeliveryMemory({ windowMs: HOUR, maxEntries: 10 });
    memory.replay({ webhookId: 'evt_b', at: 10, headers: positionHeaders({ entity: 'product:SKU', at: 5000, revision: null }) });
    memory.replay({ webhookId: 'evt_a', at: 5, headers: positionHeaders({ entity: 'product:SKU', at: 4000, revision: null }) });
    memory.replay({ webhookId: 'evt_c', at: 11, headers: {} });
    assert.equal(memory.hasSeen('evt_a', 20), true);
    assert.equal(memory.hasSeen('evt_c', 20), true);
    assert.equal(memory.newerThan({ entity: 'product:SKU', at: 4500, revision: null })?.at, 5000);
  });
});
