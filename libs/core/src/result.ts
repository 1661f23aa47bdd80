/** A value or a typed error, for pure functions that must not throw (mappers, validators). */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

/** Exhaustiveness check for discriminated unions. */
export const assertNever = (value: never, what = 'value'): never => {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
};
