import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { retryWhile } from './retry-while.js';

describe('retryWhile', () => {
  const failing = (failures: number, error = new Error('busy')) => {
    let calls = 0;
    return { call: async () => { calls += 1; if (calls <= failures) throw error; return calls; }, calls: () => calls };
  };

  it('retries retriable failures until the call succeeds', async () => {
    const f = failing(2);
    assert.equal(await retryWhile(f.call, { retriable: () => true, maxAttempts: 5, delayMs: () => 1 }), 3);
  });

  it('throws a failure that is not retriable at once, and the last one when the attempts run out', async () => {
    const permanent = failing(5, new Error('refused'));
    await assert.rejects(retryWhile(permanent.call, { retriable: () => false, delayMs: () => 1 }), /refused/);
    assert.equal(permanent.calls(), 1);
    const busy = failing(10);
    await assert.rejects(retryWhile(busy.call, { retriable: () => true, maxAttempts: 3, delayMs: () => 1 }), /busy/);
    assert.equal(busy.calls(), 3);
  });

  it('stops once its time is up', async () => {
    const busy = failing(1000);
    await assert.rejects(retryWhile(busy.call, { retriable: () => true, timeoutMs: 30, delayMs: () => 10 }), /busy/);
    assert.ok(busy.calls() >= 2 && busy.calls() < 10, `${busy.calls()} calls`);
  });
});
