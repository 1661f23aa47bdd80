import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProductEvent } from '@tributary/canonical-model';
import { toCanonicalProductEvent } from './to-canonical-product-event.js';
import type { EventContext } from './event-context.js';
import { productUpdated, rawProductUpdated } from './fixtures/clarity-more-webhooks.js';

const ctx: EventContext = { eventId: '9c27a4e0-3b1f-4d86-a5c2-7e0f1b9d3a64', correlationId: 'corr-3', receivedAt: 0 };

const mapped = (raw: unknown = rawProductUpdated()): ProductEvent => {
  const result = toCanonicalProductEvent(productUpdated(raw), ctx);
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const VERSION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([0-9a-f]{12})$/;

describe('toCanonicalProductEvent', () => {
  it('maps a product with its price, the SKU as key material', () => {
    const event = mapped();
    assert.equal(event.eventType, 'product.updated');
    assert.equal(event.source, 'clarity');
    const { version, ...product } = event.product;
    assert.deepEqual(product, {
      sku: 'TRB-MUG-12OZ', erpItemId: null, name: 'Ceramic mug 12 oz', description: 'Stoneware, dishwasher safe, holds 12 oz (355 ml).',
      price: '19.90', currency: 'USD', status: 'active',
    });
    assert.match(version, VERSION);
  });

  it('versions by modification time (in UTC) plus a short content hash', () => {
    const [, time] = VERSION.exec(mapped().product.version)!;
    assert.equal(time, '2026-11-25T07:59:58.000Z');
  });

  it('gives the same state the same version, and any content change a new one', () => {
    const base = mapped().product.version;
    assert.equal(mapped().product.version, base, 'a redelivery is the same version');
    const changed = (change: (data: Record<string, unknown>) => void) => {
      const raw = rawProductUpdated() as { data: Record<string, unknown> };
      change(raw.data);
      return mapped(raw).product.version;
    };
    const versions = [
      changed((d) => { d['price'] = 21.5; }),
      changed((d) => { d['status'] = 'inactive'; }),
      changed((d) => { d['name'] = 'Ceramic mug 12 oz, white'; }),
      changed((d) => { d['description'] = null; }),
    ];
    for (const version of versions) {
      assert.notEqual(version, base);
      assert.equal(version.split('#')[0], base.split('#')[0], 'same modifiedAt, told apart by the hash');
    }
    assert.equal(new Set(versions).size, versions.length);
    assert.equal(changed((d) => { d['price'] = '19.90'; }), base, 'the same price written differently is the same content');
    assert.ok(changed((d) => { d['modifiedAt'] = '2026-11-26T08:00:00Z'; }) > base, 'a later modification sorts after');
  });

  it('maps a product without a price to null price and currency', () => {
    const raw = rawProductUpdated() as { data: Record<string, unknown> };
    delete raw.data['price'];
    delete raw.data['currency'];
    const { product } = mapped(raw);
    assert.equal(product.price, null);
    assert.equal(product.currency, null);
  });
});
