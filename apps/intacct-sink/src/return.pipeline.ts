import type { CrossReference, ReturnEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { IntegrationError } from '@tributary/core';
import { exactlyOnceEffect, LedgerStatus, OperatorHeader, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import { orderDocumentTypes, toIntacctCreditMemo, type CompanyRules } from '@tributary/mapping-intacct';
import { recordControlId } from './document-control-id.js';
import { ledgerEntries } from './ledger-entry.js';
import { findOrderDocument } from './order-document.js';

export type IntacctCreditMemoPort = Pick<IntacctClient, 'createSalesOrder' | 'findSalesDocumentByReference'>;

export interface ReturnPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<ReturnEvent>;
  readonly intacct: () => IntacctCreditMemoPort;
  readonly ledger: Ledger<CrossReference>;
  readonly company: CompanyRules;
  readonly defaultTransactionType: string;
  readonly clock?: () => number;
}

/**
 * commerce.return.v1 → a credit memo created from the order's document (`createdfrom`), so
 * Intacct links it to the original and refuses to credit more than was sold. Exactly once: the
 * ledger, a deterministic controlid, and a lookup by the return number after an unknown outcome.
 * An original not in Intacct yet is a transient failure (the order may still be on its way).
 */
export const returnPipeline = (deps: ReturnPipelineDeps): PipelineDefinition<ReturnEvent> => ({
  name: 'intacct-returns',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId, headers, offset }, { attempt, log }): Promise<PipelineOutcome> => {
    if (event.eventType !== 'return.created') return { kind: 'skipped', reason: `unknown event type ${event.eventType}` };
    const ret = event.return;
    const memo = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('credit-memo', ret.returnId, ret.returnNumber);
    // Re-enqueued by reconciliation because the memo is missing: verify, whatever the ledger says.
    const verify = headers[OperatorHeader.requeue] === 'missing';
    const recorded = deps.ledger.get(memo.key);
    if (recorded?.status === LedgerStatus.done && !verify) return { kind: 'duplicate', ref: recorded.externalId ?? '' };

    const { mapping } = deps.company;
    const intacct = deps.intacct();
    const result = await exactlyOnceEffect({
      ledger: deps.ledger, key: memo.key, entry: memo.entry, attempt, verifyDone: verify,
      duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
      find: async () => (await intacct.findSalesDocumentByReference(mapping.returns.intacctTransactionType, ret.returnNumber))?.key ?? null,
      create: async () => {
        const original = await findOrderDocument(intacct, deps.ledger, ret, orderDocumentTypes(mapping, deps.defaultTransactionType));
        if (!original?.customerId) {
          throw IntegrationError.transient('INTACCT.ORIGINAL_NOT_VISIBLE', `return ${ret.returnNumber}: the document of order ${ret.orderNumber} is not in Intacct yet`, { returnId: ret.returnId, orderId: ret.orderId });
        }
        const document = toIntacctCreditMemo(ret, { documentKey: original.key, customerId: original.customerId }, deps.company);
        if (!document.ok) throw document.error;
        return (await intacct.createSalesOrder(document.value, { controlId: recordControlId('cm-create', verify ? `${ret.returnId}-requeue-${offset}` : ret.returnId) })).key;
      },
    });
    if (result.kind === 'done') log.info({ docId: result.ref, returnId: ret.returnId, orderNumber: ret.orderNumber, refund: ret.refundTotal, currency: ret.currency }, 'credit memo created');
    return result;
  },
});
