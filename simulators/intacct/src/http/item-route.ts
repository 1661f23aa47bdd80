import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IntacctSimulator } from '../simulator-types.js';
import { readBody, sendJson } from './http-io.js';
import { itemUpsertSchema } from './item-schema.js';

/** `POST /_sim/items` {itemId, name?, basePrice?, description?, status?}: 200 with the item, 400 for a bad body. */
export const handleItemUpsert = async (request: IncomingMessage, response: ServerResponse, admin: Pick<IntacctSimulator, 'setItem'>): Promise<void> => {
  let json: unknown;
  try {
    json = JSON.parse(await readBody(request));
  } catch {
    return sendJson(response, 400, { error: 'body must be JSON { itemId, name?, basePrice?, description?, status? }' });
  }
  const item = itemUpsertSchema.safeParse(json);
  if (!item.success) return sendJson(response, 400, { error: 'invalid item', issues: item.error.issues });
  const { itemId, name, basePrice, description, status } = item.data;
  const stored = admin.setItem({
    itemId,
    ...(name === undefined ? {} : { name }),
    ...(basePrice === undefined ? {} : { basePrice }),
    ...(description === undefined ? {} : { description }),
    ...(status === undefined ? {} : { status }),
  });
  return sendJson(response, 200, stored);
};
