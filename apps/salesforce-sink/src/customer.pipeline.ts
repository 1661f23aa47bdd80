import type { CrossReference, Customer, CustomerEvent } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import { SalesforceErrorCode, type RecordOutcome, type SalesforceClient, type SalesforceRecord } from '@tributary/connectors-salesforce';
import { LedgerStatus, OperatorHeader, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import type { SalesforceRules } from '@tributary/mapping-core';
import { enrichCustomer, toSalesforceCustomer, type RecordTypeIds } from '@tributary/mapping-salesforce';
import type { CustomerReview } from './customer-review.js';
import { detailOf, ledgerEntries } from './ledger-entry.js';
import type { UpsertBatcher } from './upsert-batcher.js';

/** The Clarity lookup used to fill a missing last name (ClarityApiClient.getCustomer). */
export interface ClarityCustomerLookup {
  getCustomer(customerId: string): Promise<{ firstName?: string | null; lastName?: string | null; company?: string | null; email?: string | null } | null>;
}

export interface CustomerPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<CustomerEvent>;
  readonly salesforce: () => Pick<SalesforceClient, 'upsert'>;
  readonly batcher: Pick<UpsertBatcher, 'upsert'>;
  readonly ledger: Ledger<CrossReference>;
  readonly rules: SalesforceRules;
  readonly recordTypes: () => Promise<RecordTypeIds>;
  readonly review: Pick<CustomerReview, 'hold' | 'release'>;
  readonly clarity?: ClarityCustomerLookup;
  readonly beforeCall?: () => Promise<void>;
  readonly clock?: () => number;
}

interface AppliedCustomer {
  readonly version: string;
  readonly modifiedAt: number;
  readonly contactId?: string | null;
}

/**
 * One record upserted through the shared collection calls; the race of two creates
 * (DUPLICATE_VALUE) is retried at once as an update, several matches go to review with the ids.
 */
export const upsertOne = async (deps: Pick<CustomerPipelineDeps, 'batcher' | 'salesforce'>, type: string, ext: string, record: SalesforceRecord, what: string): Promise<string> => {
  let outcome: RecordOutcome = await deps.batcher.upsert(type, ext, record);
  if (outcome.kind === 'failed' && outcome.error.code === SalesforceErrorCode.duplicateValue) {
    // Another writer created it between our match and our insert: it exists now, the upsert updates it.
    try {
      const saved = await deps.salesforce().upsert(type, ext, String(record[ext]), record);
      outcome = { kind: 'saved', id: saved.id, created: saved.created };
    } catch (error) {
      if (!(error instanceof IntegrationError)) throw error;
      outcome = { kind: 'failed', error };
    }
  }
  if (outcome.kind === 'saved') return outcome.id;
  const error = outcome.error;
  if (error.code === SalesforceErrorCode.multipleMatches) {
    const ids = (error.details['ids'] as string[] | undefined) ?? [];
    throw IntegrationError.permanent('REVIEW.MULTIPLE_MATCHES', `${what}: ${ext}=${String(record[ext])} matches ${ids.length} ${type} records (${ids.join(', ')}); merge them in Salesforce, then replay`, { type, ids, externalId: record[ext] });
  }
  throw error;
};

/**
 * commerce.customer.v1 → Salesforce Account (+ Contact) upserted by the customer external id,
 * shaped by the mapping file's `salesforce` rules. Changes that came from Salesforce are skipped
 * (no echo); a version applied before is a duplicate; an older one never overwrites a newer one;
 * a customer outside `syncWhen` is skipped; no last name → enrichment, the rule, else review.
 */
export const customerPipeline = (deps: CustomerPipelineDeps): PipelineDefinition<CustomerEvent> => ({
  name: 'salesforce-customers',
  source: deps.source,
  codec: deps.codec,
  system: 'salesforce',
  stageOf: (error) => (error.code.startsWith('MAPPING.') || error.code.startsWith('REVIEW.') ? 'map' : 'deliver'),
  handle: async (message, { attempt, log }): Promise<PipelineOutcome> => {
    const { value: event, correlationId } = message;
    if (event.source === 'salesforce') return { kind: 'skipped', reason: 'a change that came from Salesforce is not written back to it' };
    let customer: Customer = event.customer;
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now);
    const record = ledgerFor('customer', customer.customerId, customer.version);
    const last = deps.ledger.get(record.key)?.status === LedgerStatus.done ? detailOf<AppliedCustomer>(deps.ledger.get(record.key)) : undefined;
    // Re-enqueued by reconciliation because the record is missing: write it again, whatever the ledger says.
    const verify = message.headers[OperatorHeader.requeue] === 'missing';
    if (last?.version === customer.version && !verify) return { kind: 'duplicate', ref: deps.ledger.get(record.key)?.externalId ?? '' };
    if (last && last.modifiedAt > customer.modifiedAt) return { kind: 'skipped', reason: `stale change of ${customer.customerId}: a newer one (${last.version}) is applied` };

    const recordTypes = await deps.recordTypes();
    let plan = await toSalesforceCustomer(customer, deps.rules, recordTypes);
    if (plan.kind === 'missing-last-name' && deps.clarity && deps.rules.missingLastName.enrichFromClarity) {
      const full = await deps.clarity.getCustomer(customer.clarityId ?? customer.customerId);
      customer = enrichCustomer(customer, full);
      plan = await toSalesforceCustomer(customer, deps.rules, recordTypes);
      if (plan.kind === 'upsert') log.info({ customerId: customer.customerId }, 'last name enriched from Clarity');
    }
    if (plan.kind === 'missing-last-name') {
      await deps.review.hold(message, 'REVIEW.MISSING_LAST_NAME', plan.reason, attempt);
      return { kind: 'skipped', reason: `held for review: ${plan.reason}` };
    }
    if (plan.kind === 'skip') return { kind: 'skipped', reason: plan.reason };

    const ext = deps.rules.externalIds.customer;
    await deps.beforeCall?.();
    const accountId = await upsertOne(deps, 'Account', ext, plan.account, `customer ${customer.customerId}`);
    let contactId: string | null = null;
    if (plan.contact) contactId = await upsertOne(deps, 'Contact', ext, { ...plan.contact, AccountId: accountId }, `customer ${customer.customerId}`);
    await deps.ledger.record(ledgerFor('account', customer.customerId, null).entry(LedgerStatus.done, accountId));
    await deps.ledger.record(record.entry(LedgerStatus.done, accountId, JSON.stringify({ version: customer.version, modifiedAt: customer.modifiedAt, contactId } satisfies AppliedCustomer)));
    const released = await deps.review.release(message);
    log.info({ customerId: customer.customerId, accountId, contactId, shape: plan.shape, recordType: plan.recordType, rules: plan.appliedRules, released }, 'customer upserted');
    return { kind: 'done', ref: accountId };
  },
});
