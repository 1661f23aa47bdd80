import { createHash } from 'node:crypto';

/**
 * `<modifiedAt as UTC ISO>#<12 hex of SHA-256 over the values>`. The time orders versions (ISO
 * UTC text sorts as time does); the hash tells apart two states that share a timestamp, and makes
 * a redelivery of the same state the same version. Pure: hashing is not I/O.
 */
export const contentVersion = (modifiedAt: string | number, values: readonly unknown[]): string => {
  const hash = createHash('sha256').update(JSON.stringify(values), 'utf8').digest('hex').slice(0, 12);
  const at = typeof modifiedAt === 'number' ? modifiedAt : Date.parse(modifiedAt);
  return `${new Date(at).toISOString()}#${hash}`;
};
