import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ContiguousCommitter } from './contiguous-committer.js';

describe('ContiguousCommitter', () => {
  it('commits only the prefix of finished messages, never backwards, one commit at a time', async () => {
    const commits: number[] = [];
    let inCommit = 0;
    const committer = new ContiguousCommitter(6, async (index) => {
      inCommit += 1;
      assert.equal(inCommit, 1, 'commits never overlap');
      await new Promise((resolve) => setTimeout(resolve, 2));
      commits.push(index);
      inCommit -= 1;
    });
    await Promise.all([committer.done(2), committer.done(1)]);
    assert.deepEqual(commits, [], 'message 0 is not done: nothing may be committed');
    await committer.done(0);
    assert.deepEqual(commits, [2], 'messages 0..2 done: committed through 2 in one commit');
    await Promise.all([committer.done(5), committer.done(3)]);
    assert.deepEqual(commits, [2, 3]);
    await committer.done(4);
    assert.deepEqual(commits, [2, 3, 5]);
    assert.equal(committer.committedCount, 6);
  });

  it('a failed commit fails the callers (the batch is redone), and nothing is counted as committed', async () => {
    const committer = new ContiguousCommitter(2, async () => { throw new Error('rebalance in progress'); });
    await assert.rejects(committer.done(0), /rebalance in progress/);
    assert.equal(committer.committedCount, 0);
  });
});
