/** A named readiness check: resolves when the dependency answers, rejects (or times out) when not. */
export type ReadinessCheck = { readonly name: string; readonly check: () => Promise<void> };

export type ReadinessReport = { ready: boolean; checks: Record<string, { ok: boolean; error?: string }> };

/** Runs every readiness check with a timeout; ready only when all pass. */
export class Readiness {
  private readonly checks: ReadinessCheck[] = [];

  constructor(private readonly timeoutMs = 2000) {}

  add(check: ReadinessCheck): void {
    this.checks.push(check);
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), this.timeoutMs, `${name} did not answer within ${this.timeoutMs} ms`);
          return [name, { ok: true }] as const;
        } catch (error) {
          return [name, { ok: false, error: error instanceof Error ? error.message : String(error) }] as const;
        }
      }),
    );
    return { ready: results.every(([, r]) => r.ok), checks: Object.fromEntries(results) };
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error: unknown) => { clearTimeout(timer); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
