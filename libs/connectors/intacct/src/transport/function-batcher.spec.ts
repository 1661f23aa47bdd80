import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { err, ok, type Result } from '@tributary/core';
import { FunctionBatcher } from './function-batcher.js';
import { RequestSlots } from './request-slots.js';

interface Fn {
  controlId: string;
  /** The fake gateway fails this function on its own. */
  fails?: boolean;
}

/** A fake gateway behind the batcher: records every batch; `gate` holds replies until opened. */
const harness = (options: { maxBatchSize: number; slots?: number; windowMs?: number; sendFails?: (batch: readonly Fn[]) => Error | undefined }) => {
  const slots = new RequestSlots(options.slots ?? 2);
  const batches: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => {};
  const batcher = new FunctionBatcher<Fn, string>({
    maxBatchSize: options.maxBatchSize,
    windowMs: options.windowMs ?? 2,
    acquireSlot: () => slots.acquire(),
    keyOf: (fn) => fn.controlId,
    send: async (fns): Promise<Array<Result<string, unknown>>> => {
      batches.push(fns.map((fn) => fn.controlId));
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        await gate;
        await new Promise((resolve) => setTimeout(resolve, 1));
        const failure = options.sendFails?.(fns);
        if (failure) throw failure;
        return fns.map((fn) => (fn.fails ? err(new Error(`${fn.controlId} refused`)) : ok(`done ${fn.controlId}`)));
      } finally {
        inFlight -= 1;
      }
    },
  });
  return {
    batcher,
    batches,
    maxInFlight: () => maxInFlight,
    close: () => {
      gate = new Promise((resolve) => (open = resolve));
    },
    open: () => open(),
  };
};

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('FunctionBatcher', () => {
  it('sends functions submitted together in one batch and gives each caller its own result', async () => {
    const { batcher, batches } = harness({ maxBatchSize: 20 });
    const results = await Promise.all(ids('f', 5).map((controlId) => batcher.submit({ controlId })));
    assert.deepEqual(batches, [ids('f', 5)]);
    assert.deepEqual(results, ids('f', 5).map((id) => `done ${id}`));
  });

  it('splits at maxBatchSize', async () => {
    const { batcher, batches } = harness({ maxBatchSize: 20 });
    await Promise.all(ids('f', 45).map((controlId) => batcher.submit({ controlId })));
    assert.deepEqual(batches.map((b) => b.length), [20, 20, 5]);
    assert.deepEqual(batches.flat(), ids('f', 45), 'in submission order');
  });

  it('with maxBatchSize 1 sends every function alone', async () => {
    const { batcher, batches } = harness({ maxBatchSize: 1 });
    await Promise.all(ids('f', 4).map((controlId) => batcher.submit({ controlId })));
    assert.deepEqual(batches, ids('f', 4).map((id) => [id]));
  });

  it('collects what arrives while every slot is busy into the next batch', async () => {
    const h = harness({ maxBatchSize: 20, slots: 1 });
    h.close();
    const first = h.batcher.submit({ controlId: 'early' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(h.batches, [['early']], 'the first function left alone after the window');
    // Trickling in one by one while the only slot is busy.
    const later: Array<Promise<string>> = [];
    for (const controlId of ids('late', 30)) {
      later.push(h.batcher.submit({ controlId }));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    h.open();
    await Promise.all([first, ...later]);
    assert.deepEqual(h.batches.map((b) => b.length), [1, 20, 10]);
    assert.equal(h.maxInFlight(), 1);
  });

  it('never sends more batches at once than there are slots', async () => {
    const h = harness({ maxBatchSize: 3, slots: 2 });
    await Promise.all(ids('f', 40).map((controlId) => h.batcher.submit({ controlId })));
    assert.equal(h.maxInFlight(), 2);
    assert.ok(h.batches.every((b) => b.length <= 3));
  });

  it('fails only the caller whose function failed', async () => {
    const { batcher, batches } = harness({ maxBatchSize: 20 });
    const outcomes = await Promise.allSettled([
      batcher.submit({ controlId: 'a' }),
      batcher.submit({ controlId: 'b', fails: true }),
      batcher.submit({ controlId: 'c' }),
    ]);
    assert.equal(batches.length, 1);
    assert.deepEqual(
      outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message)),
      ['done a', 'b refused', 'done c'],
    );
  });

  it('fails every caller of a batch whose request failed, and only them', async () => {
    const failure = new Error('HTTP 503');
    const { batcher, batches } = harness({ maxBatchSize: 2, sendFails: (fns) => (fns.some((fn) => fn.controlId === 'b') ? failure : undefined) });
    const outcomes = await Promise.allSettled(['a', 'b', 'c'].map((controlId) => batcher.submit({ controlId })));
    assert.deepEqual(batches, [['a', 'b'], ['c']]);
    assert.equal(outcomes[0]?.status === 'rejected' && outcomes[0].reason, failure);
    assert.equal(outcomes[1]?.status === 'rejected' && outcomes[1].reason, failure);
    assert.deepEqual(outcomes[2], { status: 'fulfilled', value: 'done c' });
  });

  it('never puts two functions with the same controlid in one batch', async () => {
    const { batcher, batches } = harness({ maxBatchSize: 20 });
    await Promise.all(['a', 'b', 'a', 'c', 'a'].map((controlId) => batcher.submit({ controlId })));
    assert.deepEqual(batches, [['a', 'b', 'c'], ['a'], ['a']]);
  });

  it('rejects nonsense sizes', () => {
    const base = { windowMs: 2, acquireSlot: () => new RequestSlots(1).acquire(), send: async () => [] };
    assert.throws(() => new FunctionBatcher({ ...base, maxBatchSize: 0 }), RangeError);
    assert.throws(() => new FunctionBatcher({ ...base, maxBatchSize: 2, windowMs: -1 }), RangeError);
  });
});
