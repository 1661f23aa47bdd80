import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { setImmediate as turn } from 'node:timers/promises';
import { joinCompanySlots, MAX_HOLD_MS, RequestSlots, type ReleaseSlot } from './request-slots.js';

/** Lets granted acquisitions run their callbacks. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await turn();
};

describe('RequestSlots', () => {
  it('never lets more than the limit run at once, and hands slots out first come, first served', async () => {
    const slots = new RequestSlots(2);
    let running = 0;
    let maxRunning = 0;
    const started: number[] = [];
    const job = async (n: number) => {
      const release = await slots.acquire();
      started.push(n);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 1 + ((n * 7) % 5)));
      running -= 1;
      release();
    };
    await Promise.all(Array.from({ length: 25 }, (_, n) => job(n)));
    assert.equal(maxRunning, 2);
    assert.deepEqual(started, Array.from({ length: 25 }, (_, n) => n), 'FIFO');
    assert.equal(slots.inFlight, 0);
    assert.equal(slots.queued, 0);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = new RequestSlots(1);
    const first = await slots.acquire();
    const second = slots.acquire();
    const third = slots.acquire();
    first();
    first();
    await second;
    await settle();
    assert.equal(slots.inFlight, 1, 'the double release did not free a second slot');
    assert.equal(slots.queued, 1);
    (await second)();
    (await third)();
  });

  it('holds new requests for Retry-After, but not those already running', async () => {
    const slots = new RequestSlots(2);
    const running = await slots.acquire();
    const startedAt = Date.now();
    slots.holdFor(150);
    let grantedAt = 0;
    const waiting = slots.acquire().then((release) => {
      grantedAt = Date.now();
      return release;
    });
    await settle();
    assert.equal(grantedAt, 0, 'a free slot is not handed out during the hold');
    running();
    (await waiting)();
    assert.ok(grantedAt - startedAt >= 140, `granted after ${grantedAt - startedAt} ms`);
  });

  it('caps a hold at 30 s and keeps the longer of two holds', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    try {
      const slots = new RequestSlots(1);
      slots.holdFor(10 * 60_000);
      slots.holdFor(5_000);
      const grant: { release?: ReleaseSlot } = {};
      void slots.acquire().then((release) => (grant.release = release));
      mock.timers.tick(MAX_HOLD_MS - 1);
      await settle();
      assert.equal(slots.inFlight, 0, 'still held');
      mock.timers.tick(1);
      await settle();
      assert.equal(slots.inFlight, 1, 'granted once the capped hold is over');
      grant.release?.();
    } finally {
      mock.timers.reset();
    }
  });

  it('rejects a limit that is not a positive integer', () => {
    assert.throws(() => new RequestSlots(0), RangeError);
    assert.throws(() => new RequestSlots(1.5), RangeError);
  });
});

describe('joinCompanySlots', () => {
  it('shares one set of slots per company, keeps the smallest limit, and forgets it after the last client leaves', () => {
    const a = joinCompanySlots('ACME https://gw.example/ia', 3);
    const b = joinCompanySlots('ACME https://gw.example/ia', 2);
    const other = joinCompanySlots('GLOBEX https://gw.example/ia', 3);
    assert.equal(a.slots, b.slots);
    assert.notEqual(a.slots, other.slots);
    assert.equal(a.slots.limit, 2);
    a.leave();
    a.leave();
    const c = joinCompanySlots('ACME https://gw.example/ia', 5);
    assert.equal(c.slots, b.slots, 'still joined by b');
    assert.equal(c.slots.limit, 2, 'a larger limit does not raise it');
    b.leave();
    c.leave();
    other.leave();
  });

  it('starts afresh once every client of the company has left', () => {
    const a = joinCompanySlots('INITECH https://gw.example/ia', 2);
    a.leave();
    const b = joinCompanySlots('INITECH https://gw.example/ia', 4);
    assert.notEqual(a.slots, b.slots);
    assert.equal(b.slots.limit, 4);
    b.leave();
  });
});
