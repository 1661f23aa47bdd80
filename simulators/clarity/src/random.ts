/** A small seeded PRNG (mulberry32): same seed, same orders, on every machine. Not for secrets. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['visa', 40], ['amex', 12]])`. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T;
  chance(probability: number): boolean;
  chars(alphabet: string, length: number): string;
}

export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const weighted = <T>(choices: ReadonlyArray<readonly [T, number]>): T => {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let point = next() * total;
    for (const [value, weight] of choices) {
      point -= weight;
      if (point < 0) return value;
    }
    return pick(choices)[0];
  };
  return {
    next,
    int,
    pick,
    weighted,
    chance: (probability) => next() < probability,
    chars: (alphabet, length) => Array.from({ length }, () => alphabet[int(0, alphabet.length - 1)]).join(''),
  };
};
