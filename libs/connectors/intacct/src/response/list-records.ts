import { ATTRIBUTE_PREFIX } from '../xml/xml-codec.js';

/**
 * The records of a `<data>` block. The record tag is the object name in whatever case the gateway
 * chose (`sodocument`, `SODOCUMENT`, `customer`), so every non-attribute child is taken.
 */
export const recordsOf = (data: Record<string, unknown>): unknown[] =>
  Object.entries(data)
    .filter(([name]) => !name.startsWith(ATTRIBUTE_PREFIX) && name !== '#text')
    .flatMap(([, records]) => (Array.isArray(records) ? records : [records]));
