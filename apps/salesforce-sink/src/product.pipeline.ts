import type { CrossReference, ProductEvent } from '@tributary/canonical-model';
import type { SalesforceClient } from '@tributary/connectors-salesforce';
import { LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import type { SalesforceRules } from '@tributary/mapping-core';
import { toSalesforceProduct } from '@tributary/mapping-salesforce';
import { upsertOne } from './customer.pipeline.js';
import { detailOf, ledgerEntries } from './ledger-entry.js';
import type { UpsertBatcher } from './upsert-batcher.js';

export type SalesforceProductPort = Pick<SalesforceClient, 'upsert' | 'standardPricebookId' | 'pricebookEntries' | 'create' | 'update' | 'invalidatePriceBooks'>;

export interface ProductPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<ProductEvent>;
  readonly salesforce: () => SalesforceProductPort;
  readonly batcher: Pick<UpsertBatcher, 'upsert'>;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: SalesforceRules;
  readonly beforeCall?: () => Promise<void>;
  readonly clock?: () => number;
}

/**
 * commerce.product.v1 → Product2 upserted by the product external id (ProductCode = SKU) and its
 * standard PricebookEntry price (created, or updated when it differs). A version applied before
 * is a duplicate; an older change never overwrites a newer one.
 */
export const productPipeline = (deps: ProductPipelineDeps): PipelineDefinition<ProductEvent> => ({
  name: 'salesforce-products',
  source: deps.source,
  codec: deps.codec,
  system: 'salesforce',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const { product } = event;
    if (event.source === 'salesforce') return { kind: 'skipped', reason: 'a product change from Salesforce is not written back to it' };
    const record = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('product', product.sku, product.version);
    const last = detailOf<{ version: string; occurredAt: number }>(deps.ledger.get(record.key));
    if (last?.version === product.version) return { kind: 'duplicate', ref: deps.ledger.get(record.key)?.externalId ?? '' };
    if (last && last.occurredAt > event.occurredAt) return { kind: 'skipped', reason: `stale change of ${product.sku}` };
    const plan = toSalesforceProduct(product, deps.rules);
    await deps.beforeCall?.();
    const sf = deps.salesforce();
    const productId = await upsertOne(deps, 'Product2', deps.rules.externalIds.product, plan.product2, `product ${product.sku}`);
    if (plan.price !== null) {
      const book = await sf.standardPricebookId();
      sf.invalidatePriceBooks();
      const entry = (await sf.pricebookEntries([product.sku], book)).get(product.sku);
      if (!entry) await sf.create('PricebookEntry', { Pricebook2Id: book, Product2Id: productId, UnitPrice: plan.price, IsActive: true });
      else if (entry.unitPrice !== plan.price || !entry.isActive) await sf.update('PricebookEntry', entry.id, { UnitPrice: plan.price, IsActive: true });
      // The lookup above cached the entry as it was before: forget it, orders must see the new one.
      sf.invalidatePriceBooks();
    }
    await deps.ledger.record(record.entry(LedgerStatus.done, productId, JSON.stringify({ version: product.version, occurredAt: event.occurredAt })));
    log.info({ sku: product.sku, productId, price: plan.price }, 'product upserted');
    return { kind: 'done', ref: productId };
  },
});
