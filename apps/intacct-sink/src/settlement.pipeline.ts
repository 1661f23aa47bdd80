import type { CrossReference, SettlementEvent } from '@tributary/canonical-model';
import type { IntacctClient } from '@tributary/connectors-intacct';
import { exactlyOnceEffect, LedgerStatus, type AvroEventCodec, type Ledger, type PipelineDefinition, type PipelineOutcome, type TopicSpec } from '@tributary/kafka-runtime';
import type { MappingConfig } from '@tributary/mapping-core';
import { settlementJournalReference, toSettlementJournal } from '@tributary/mapping-intacct';
import { recordControlId } from './document-control-id.js';
import { ledgerEntries } from './ledger-entry.js';

export type IntacctJournalPort = Pick<IntacctClient, 'createGlBatch' | 'findGlBatchByReference'>;

export interface SettlementPipelineDeps {
  readonly source: TopicSpec;
  readonly codec: AvroEventCodec<SettlementEvent>;
  readonly intacct: () => IntacctJournalPort;
  readonly ledger: Ledger<CrossReference>;
  readonly mapping: MappingConfig;
  readonly clock?: () => number;
}

/**
 * commerce.settlement.v1 → one GLBATCH per gateway payout (net deposit, fees, clearing), so
 * finance can close the month. The journal is mapped and checked to balance before anything is
 * sent; exactly once by the ledger, a deterministic controlid and a lookup by REFERENCENO.
 */
export const settlementPipeline = (deps: SettlementPipelineDeps): PipelineDefinition<SettlementEvent> => ({
  name: 'intacct-settlements',
  source: deps.source,
  codec: deps.codec,
  system: 'intacct',
  stageOf: (error) => (error.code.startsWith('MAPPING.') ? 'map' : 'deliver'),
  handle: async ({ value: event, correlationId }, { attempt, log }): Promise<PipelineOutcome> => {
    const { settlement } = event;
    const journal = ledgerEntries(event, correlationId, attempt, deps.clock ?? Date.now)('gl-batch', settlement.settlementId, settlementJournalReference(settlement));
    const recorded = deps.ledger.get(journal.key);
    if (recorded?.status === LedgerStatus.done) return { kind: 'duplicate', ref: recorded.externalId ?? '' };

    const batch = toSettlementJournal(settlement, deps.mapping);
    if (!batch.ok) throw batch.error;
    const intacct = deps.intacct();
    const result = await exactlyOnceEffect({
      ledger: deps.ledger, key: journal.key, entry: journal.entry, attempt,
      duplicateCode: 'INTACCT.DUPLICATE_CONTROLID',
      find: async () => (await intacct.findGlBatchByReference(batch.value.referenceNo))?.recordNo ?? null,
      create: async () => (await intacct.createGlBatch(batch.value, { controlId: recordControlId('glb-create', settlement.settlementId) })).recordNo,
    });
    if (result.kind === 'done') log.info({ glBatch: result.ref, settlementId: settlement.settlementId, gateway: settlement.gateway, gross: settlement.gross, fees: settlement.fees, net: settlement.net }, 'settlement journal posted');
    return result;
  },
});
