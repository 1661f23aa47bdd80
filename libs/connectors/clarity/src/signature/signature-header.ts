import { err, ok, type Result } from '@tributary/core';

/** The parts of `X-Clarity-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]` we act on. */
export interface SignatureHeader {
  readonly timestamp: number;
  /** Every `v1` value, in order; several are sent while a secret is being rotated. */
  readonly v1: readonly string[];
}

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * Reads the header without judging the signatures. Other schemes (`v0`, future `v2`) are skipped,
 * so a sender may add schemes without breaking us; a header with no `v1` at all is unusable.
 */
export const parseSignatureHeader = (header: string): Result<SignatureHeader, string> => {
  let timestamp: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator <= 0) return err(`element "${part.trim()}" is not key=value`);
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined) return err('more than one t= element');
      if (!UNIX_SECONDS.test(value)) return err('t= is not a unix timestamp in seconds');
      timestamp = Number(value);
    } else if (key === 'v1') {
      v1.push(value);
    }
  }
  if (timestamp === undefined) return err('no t= element');
  if (v1.length === 0) return err('no v1= signature');
  return ok({ timestamp, v1 });
};
