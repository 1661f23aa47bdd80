/**
 * Commits a batch's progress when its messages finish out of order (several keys in flight): only
 * the prefix of messages that are all done is committed, one commit at a time and never backwards,
 * so a crash redoes the unfinished messages and nothing after a gap is lost.
 */
export class ContiguousCommitter {
  private readonly finished: boolean[];
  /** Messages [0, committed) are committed. */
  private committed = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(size: number, private readonly commitThrough: (index: number) => Promise<void>) {
    this.finished = new Array<boolean>(size).fill(false);
  }

  /** Marks message `index` done; resolves once every commit it made possible is made. */
  done(index: number): Promise<void> {
    this.finished[index] = true;
    this.chain = this.chain.then(async () => {
      let through = this.committed;
      while (through < this.finished.length && this.finished[through]) through++;
      if (through === this.committed) return;
      await this.commitThrough(through - 1);
      this.committed = through;
    });
    return this.chain;
  }

  /** How many messages from the start of the batch are committed. */
  get committedCount(): number {
    return this.committed;
  }
}
