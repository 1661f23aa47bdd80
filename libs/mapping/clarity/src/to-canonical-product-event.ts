import { createHash } from 'node:crypto';
import { ok, type IntegrationError, type Result } from '@tributary/core';
import type { ClarityProduct, ClarityProductWebhook } from '@tributary/connectors-clarity';
import type { Product, ProductEvent } from '@tributary/canonical-model';
import { envelopeFrom, type EventContext } from './event-context.js';
import { amount, toDecimalString } from './money.js';

export const PRODUCT_EVENT_SCHEMA_VERSION = 1;

type ProductContent = Omit<Product, 'version'>;

/**
 * `<modifiedAt as UTC ISO>#<12 hex of SHA-256 over the content>`. The time orders versions (ISO
 * UTC text sorts as time does); the hash tells two different states apart that share a timestamp,
 * and makes a redelivery of the same state the same version. Pure: hashing is not I/O.
 */
export const productVersion = (modifiedAt: string, content: ProductContent): string => {
  // Fixed key order, so the hash depends on values only.
  const canonical = JSON.stringify([content.sku, content.erpItemId, content.name, content.description, content.price, content.currency, content.status]);
  const hash = createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 12);
  return `${new Date(Date.parse(modifiedAt)).toISOString()}#${hash}`;
};

export const toCanonicalProduct = (data: ClarityProduct): Product => {
  const content: ProductContent = {
    sku: data.sku,
    erpItemId: null,
    name: data.name,
    description: data.description,
    price: data.price === null ? null : toDecimalString(amount(data.price)),
    currency: data.currency,
    status: data.status,
  };
  return { ...content, version: productVersion(data.modifiedAt, content) };
};

/** A verified, validated Clarity `product.updated` webhook → `commerce.product.v1` event. Pure and total. */
export const toCanonicalProductEvent = (webhook: ClarityProductWebhook, ctx: EventContext): Result<ProductEvent, IntegrationError> =>
  ok({ ...envelopeFrom(webhook, ctx, PRODUCT_EVENT_SCHEMA_VERSION), eventType: webhook.type, product: toCanonicalProduct(webhook.data) });
