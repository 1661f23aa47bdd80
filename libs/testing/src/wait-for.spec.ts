import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sleep, waitFor, withTimeout } from './wait-for.js';

describe('waitFor / withTimeout', () => {
  it('waitFor returns the first truthy probe value and names what it waited for on time-out', async () => {
    let calls = 0;
    assert.equal(await waitFor(() => (++calls >= 3 ? 'ready' : undefined), { intervalMs: 1 }), 'ready');
    await assert.rejects(waitFor(() => false, { timeoutMs: 20, intervalMs: 5, what: 'the moon' }), /timed out after 20 ms waiting for the moon/);
  });

  it('withTimeout passes a result through and rejects, naming the work, when it takes too long', async () => {
    assert.equal(await withTimeout(sleep(1).then(() => 42), 1000, 'a quick thing'), 42);
    await assert.rejects(withTimeout(sleep(500), 20, 'the projector to start'), /timed out after 20 ms waiting for the projector to start/);
    await assert.rejects(withTimeout(Promise.reject(new Error('boom')), 1000, 'x'), /boom/);
  });
});
