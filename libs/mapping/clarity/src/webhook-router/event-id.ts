import { nameBasedUuid } from '@tributary/core';

/** Every delivery of one webhook yields the same canonical event id, so duplicates are recognisable downstream (and a re-map is the same event). */
export const eventIdFor = (webhookId: string): string => nameBasedUuid(`clarity-webhook:${webhookId}`);
