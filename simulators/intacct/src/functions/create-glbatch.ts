import { businessErrors, ErrorNo, gatewayError } from '../gateway/gateway-errors.js';
import type { StoredGlBatch, StoredGlEntry } from '../simulator-types.js';
import { child, childText, childrenNamed, type XmlElement } from '../xml/xml-reader.js';
import { element, leaf } from '../xml/xml-writer.js';
import type { FunctionContext, FunctionOutcome } from './function-handler.js';
import { formatCents, glEntryLine } from './glentry-lines.js';

const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const STATES = new Set(['Draft', 'Posted']);
const NOT_CREATED = 'Could not create GLBATCH record!';

const text = (parent: XmlElement, name: string): string | undefined => {
  const value = childText(parent, name);
  return value === undefined || value === '' ? undefined : value;
};

const invalid = (description: string, description2: string, correction = ''): FunctionOutcome => ({
  ok: false,
  errors: businessErrors(description, description2, correction, NOT_CREATED),
});

const isUsDate = (value: string): boolean => {
  const match = US_DATE.exec(value);
  if (!match) return false;
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** The refusal of a batch whose debits and credits differ; the text is ours, Intacct's is not public (§1.12 [?]). */
const unbalanced = (debits: bigint, credits: bigint): FunctionOutcome => ({
  ok: false,
  errors: [
    gatewayError(
      ErrorNo.business,
      NOT_CREATED,
      `The transaction is not balanced: debits ${formatCents(debits)} and credits ${formatCents(credits)} do not balance (difference ${formatCents(debits - credits)}).`,
      'Make the total of the debit lines equal the total of the credit lines, then try again.',
    ),
  ],
});

/** Reads every GLENTRY and checks that debits equal credits to the cent, before anything is stored. */
const entriesOf = (batch: XmlElement): Array<Omit<StoredGlEntry, 'recordNo'>> | FunctionOutcome => {
  const glEntries = childrenNamed(child(batch, 'ENTRIES') ?? batch, 'GLENTRY');
  if (glEntries.length < 2) {
    return invalid('Required field missing', 'ENTRIES needs at least two GLENTRY lines: a journal entry has a debit and a credit side.');
  }
  const entries: Array<Omit<StoredGlEntry, 'recordNo'>> = [];
  let [debits, credits] = [0n, 0n];
  for (const [index, glEntry] of glEntries.entries()) {
    const line = glEntryLine(glEntry, index + 1);
    if ('problem' in line) return invalid('Invalid journal entry line', line.problem);
    if (line.entry.trType === 1) debits += line.cents;
    else credits += line.cents;
    entries.push(line.entry);
  }
  const currencies = new Set(entries.map((e) => e.currency).filter((c) => c !== undefined));
  if (currencies.size > 1) return invalid('Currency mismatch', `GLENTRY lines are in ${[...currencies].join(', ')}; one batch takes one currency.`);
  return debits === credits ? entries : unbalanced(debits, credits);
};

/** Generic `<create><GLBATCH>` (external-apis §1.12): a balanced journal entry. */
export const createGlBatch = (batch: XmlElement, context: FunctionContext): FunctionOutcome => {
  const journal = text(batch, 'JOURNAL');
  const batchDate = text(batch, 'BATCH_DATE');
  const title = text(batch, 'BATCH_TITLE');
  const state = text(batch, 'STATE') ?? 'Posted';
  if (!journal) return invalid('Required field missing', 'JOURNAL (the journal symbol, e.g. GJ) is required.');
  if (!batchDate) return invalid('Required field missing', 'BATCH_DATE is required.', 'Enter the date as mm/dd/yyyy.');
  if (!isUsDate(batchDate)) return invalid('Invalid Date', `BATCH_DATE '${batchDate}' is not a valid date.`, 'Enter the date as mm/dd/yyyy.');
  if (!title) return invalid('Required field missing', 'BATCH_TITLE (the journal entry description) is required.');
  if (!STATES.has(state)) return invalid('Invalid State', `STATE '${state}' is not one of Draft, Posted.`);

  const entries = entriesOf(batch);
  if (!Array.isArray(entries)) return entries;
  const stored: StoredGlBatch = {
    recordNo: context.state.nextRecordNo(),
    batchNo: context.state.nextGlBatchNo(context.companyId, journal),
    companyId: context.companyId,
    journal,
    batchDate,
    title,
    state: state === 'Draft' ? 'Draft' : 'Posted',
    entries: entries.map((entry) => ({ recordNo: context.state.nextRecordNo(), ...entry })),
    createdAt: context.now.toISOString(),
    controlId: context.controlId,
  };
  const referenceNo = text(batch, 'REFERENCENO');
  if (referenceNo) stored.referenceNo = referenceNo;
  context.state.addGlBatch(stored);
  return { ok: true, data: element('data', element('glbatch', leaf('RECORDNO', stored.recordNo)), { listtype: 'objects', count: 1 }) };
};
