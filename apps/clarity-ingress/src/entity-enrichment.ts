import type { ClarityApiClient } from '@tributary/connectors-clarity';
import type { ClarityEntityKind } from '@tributary/mapping-clarity';

/** The part of the Clarity API client enrichment needs (a port: tests pass a fake). */
export type ClarityEntityReader = Pick<ClarityApiClient, 'getOrder' | 'getCustomer' | 'getProduct' | 'getReturn' | 'getPayment' | 'getShipment'>;

export type Enrichment =
  | { readonly kind: 'found'; readonly entity: unknown }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable'; readonly code: string; readonly message: string };

const fetchers: { readonly [Kind in ClarityEntityKind]: (reader: ClarityEntityReader, id: string) => Promise<unknown> } = {
  order: (reader, id) => reader.getOrder(id),
  customer: (reader, id) => reader.getCustomer(id),
  product: (reader, id) => reader.getProduct(id),
  return: (reader, id) => reader.getReturn(id),
  payment: (reader, id) => reader.getPayment(id),
  shipment: (reader, id) => reader.getShipment(id),
};

// Belt and braces: the client keeps tokens out of its errors; nothing that looks like one is passed on anyway.
const scrub = (text: string): string => text.replace(/(bearer|token|secret)([\s:="']+)[^\s"',}]+/gi, '$1$2[redacted]');

/**
 * Fetches the entity a thin webhook names. Any failure to get an answer (Clarity down, timing
 * out, refusing our token after the client's one refresh) is `unavailable`: the webhook is
 * answered 503 and Clarity delivers it again later.
 */
export const fetchEntity = async (reader: ClarityEntityReader, kind: ClarityEntityKind, id: string): Promise<Enrichment> => {
  try {
    const entity = await fetchers[kind](reader, id);
    return entity === null ? { kind: 'not-found' } : { kind: 'found', entity };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'CLARITY.UNAVAILABLE';
    return { kind: 'unavailable', code, message: scrub(error instanceof Error ? error.message : String(error)) };
  }
};
