import type { CrossReference, ProductEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { IntegrationError } from '@tributary/core';
import { LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import { toIntacctItemUpdate, type CompanyRules } from '@tributary/mapping-intacct';
import { recordControlId } from './document-control-id.js';
import { ledgerEntries } from './ledger-entry.js';

export type IntacctItemPort = Pick<IntacctClient, 'updateItem'>;

export interface ProductPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<ProductEvent>;
  readonly intacct: () => IntacctItemPort;
  readonly ledger: Ledger<CrossReference>;
  readonly company: CompanyRules;
  readonly clock?: () => number;
}

/** What the ledger remembers of the last product change written to an ITEM. */
interface AppliedProduct {
  readonly occurredAt: number;
  readonly version: string;
}

const applied = (entry: CrossReference | undefined): AppliedProduct | undefined => {
  if (entry?.status !== LedgerStatus.done || !entry.detail) return undefined;
  try {
    const parsed = JSON.parse(entry.detail) as Partial<AppliedProduct>;
    return typeof parsed.occurredAt === 'number' && typeof parsed.version === 'string' ? { occurredAt: parsed.occurredAt, version: parsed.version } : undefined;
  } catch {
    return undefined;
  }
};

/**
 * commerce.product.v1 (from Clarity) → Intacct ITEM updates of only the fields Clarity masters
 * (mapping file `products.clarityMasters`). Changes that came from Intacct itself are skipped, so
 * the item master never echoes; an older change than the one applied never overwrites it.
 * Setting the same fields twice is harmless, so the ledger here records versions, not intents.
 */
export const productPipeline = (deps: ProductPipelineDeps): PipelineDefinition<ProductEvent> => ({
  name: 'intacct-products',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const { product } = event;
    if (event.source !== 'clarity') return { kind: 'skipped', reason: `product change from ${event.source}: only Clarity's changes are written to Intacct` };
    const item = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('item', product.sku, product.version);
    const last = applied(deps.ledger.get(item.key));
    if (last?.version === product.version) return { kind: 'duplicate', ref: product.sku };
    if (last && last.occurredAt > event.occurredAt) return { kind: 'skipped', reason: `stale change of ${product.sku}: a newer one (${last.version}) is applied` };

    const plan = toIntacctItemUpdate(product, deps.company);
    if (!plan.ok) throw plan.error;
    if (!plan.value.update) return { kind: 'skipped', reason: `nothing Clarity masters changed for ${product.sku} (${plan.value.skipped.join('; ')})` };
    try {
      await deps.intacct().updateItem(plan.value.update, { controlId: recordControlId('item-update', `${product.sku}@${product.version}`) });
    } catch (error) {
      // The same version was applied before a lost reply: Intacct refuses the replay, the item is already right.
      if (!(error instanceof IntegrationError && error.code === 'INTACCT.DUPLICATE_CONTROLID')) throw error;
    }
    await deps.ledger.record(item.entry(LedgerStatus.done, plan.value.update.itemId, JSON.stringify({ occurredAt: event.occurredAt, version: product.version } satisfies AppliedProduct)));
    log.info({ sku: product.sku, itemId: plan.value.update.itemId, fields: Object.keys(plan.value.update).filter((k) => k !== 'itemId'), skipped: plan.value.skipped }, 'item updated');
    return { kind: 'done', ref: plan.value.update.itemId };
  },
});
