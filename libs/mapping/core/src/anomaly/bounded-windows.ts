/**
 * The last `size` values per key, for at most `maxKeys` keys. When a new key would exceed
 * `maxKeys`, the key observed longest ago is forgotten: a customer silent for that long is a
 * new customer again as far as statistics go. Order of keys is kept, so a snapshot restores
 * to the same eviction order (and the same decisions).
 */
export class BoundedWindows<T> {
  private readonly windows = new Map<string, T[]>();

  constructor(
    readonly size: number,
    readonly maxKeys: number,
  ) {}

  push(key: string, value: T): void {
    const window = this.windows.get(key) ?? [];
    this.windows.delete(key); // re-inserted below, so the key becomes the most recently seen
    window.push(value);
    if (window.length > this.size) window.splice(0, window.length - this.size);
    this.windows.set(key, window);
    if (this.windows.size > this.maxKeys) {
      const oldest = this.windows.keys().next();
      if (!oldest.done) this.windows.delete(oldest.value);
    }
  }

  get(key: string): readonly T[] {
    return this.windows.get(key) ?? [];
  }

  /** Keys from least to most recently seen, with their values oldest first. */
  entries(): Array<[string, T[]]> {
    return [...this.windows].map(([key, values]) => [key, [...values]]);
  }
}
