import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StagedMap } from './staged-map.js';

describe('StagedMap', () => {
  it('shows staged writes to readers, keeps them out of the committed state until commit', () => {
    const map = new StagedMap<string, number>();
    map.restore('a', 1);
    map.set('a', 2);
    map.set('b', 3);
    map.delete('a');
    assert.equal(map.get('a'), undefined);
    assert.equal(map.get('b'), 3);
    assert.equal(map.size, 1, 'only the restored key is committed');
    assert.deepEqual([...map.changes()], [['a', undefined], ['b', 3]]);
    map.commit();
    assert.deepEqual([...map.values()], [3]);
  });

  it('drops staged writes on rollback (an aborted transaction leaves memory as Kafka has it)', () => {
    const map = new StagedMap<string, number>();
    map.restore('a', 1);
    map.set('a', 5);
    map.rollback();
    assert.equal(map.get('a'), 1);
    assert.deepEqual([...map.changes()], []);
  });
});
