import type { CrossReference, CustomerProfileEvent } from '@tributary/canonical-model';
import type { ClarityApiClient } from '@tributary/connectors-clarity';
import { LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import { customerPatchFor, type SentFields } from '@tributary/mapping-clarity';
import { detailOf, ledgerEntries } from './ledger-entry.js';

export type ClarityCustomerPort = Pick<ClarityApiClient, 'updateCustomer'>;

export interface CustomerPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<CustomerProfileEvent>;
  readonly clarity: ClarityCustomerPort;
  readonly ledger: Ledger<CrossReference>;
  readonly clock?: () => number;
}

/**
 * customer.profile.v1 (the golden record) → Clarity customer PATCHes of the fields another
 * system set (a phone number changed in Salesforce), and only when the value differs from what
 * was last sent (ledger `clarity:customer-patch:<customer id>`, detail = the values sent). Fields
 * Clarity set are never written back; the PATCH carries X-Change-Origin, so the customer.updated
 * Clarity sends about it is recognised by the ingress as our echo, and even if it came back as a
 * profile change the values are the ones we sent: nothing to write, no loop.
 */
export const customerPipeline = (deps: CustomerPipelineDeps): PipelineDefinition<CustomerProfileEvent> => ({
  name: 'clarity-customers',
  source: deps.source,
  codec: deps.codec,
  system: 'clarity',
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const { profile } = event;
    const clarityId = profile.ids['clarity'];
    if (!clarityId) return { kind: 'skipped', reason: `customer ${profile.customerId} has no Clarity account` };
    const ledgerFor = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('customer-patch', profile.customerId, clarityId);
    const lastSent: SentFields = detailOf<SentFields>(deps.ledger.get(ledgerFor.key)) ?? {};
    const plan = customerPatchFor(profile, lastSent);
    if (!plan.patch) return { kind: 'skipped', reason: `nothing another system masters differs from what Clarity was sent${plan.skipped.length > 0 ? ` (${plan.skipped.join('; ')})` : ''}` };

    // A PATCH of the same values is harmless (Clarity changes nothing and announces nothing): no PENDING step needed.
    await deps.clarity.updateCustomer(clarityId, plan.patch);
    await deps.ledger.record(ledgerFor.entry(LedgerStatus.done, clarityId, JSON.stringify({ ...lastSent, ...plan.sent })));
    const fields = Object.keys(plan.sent);
    log.info({ customerId: profile.customerId, clarityId, fields, sources: fields.map((f) => profile.provenance[f]?.source) }, 'Clarity customer updated');
    return { kind: 'done', ref: clarityId };
  },
});
