import { createHash } from 'node:crypto';

/**
 * A name-based UUID (v5 layout) from the webhook id: every delivery of one webhook yields the same
 * canonical event id, so duplicates are recognisable downstream.
 */
export const eventIdFor = (webhookId: string): string => {
  const hash = createHash('sha1').update(`clarity-webhook:${webhookId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
