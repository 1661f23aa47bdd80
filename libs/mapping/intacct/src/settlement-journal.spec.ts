import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import type { Settlement } from '@tributary/canonical-model';
import { loadMappingConfig } from '@tributary/mapping-core';
import { toSettlementJournal } from './settlement-journal.js';

const root = join(fileURLToPath(import.meta.url), '../../../../..');
const mapping = loadMappingConfig(join(root, 'config/mappings/default.yaml'));

const settlement = (overrides: Partial<Settlement> = {}): Settlement => ({
  settlementId: 'po_1Q2W3E', gateway: 'stripe', currency: 'USD', settledAt: Date.UTC(2026, 10, 27, 9, 0),
  gross: '1543.66', refunds: '39.98', fees: '45.07', net: '1458.61',
  payments: [
    { paymentId: 'ch_1', orderNumber: 'CL-1', kind: 'captured', amount: '1503.68', fee: '43.91' },
    { paymentId: 'ch_2', orderNumber: 'CL-2', kind: 'captured', amount: '39.98', fee: '1.16' },
    { paymentId: 're_1', orderNumber: 'CL-2', kind: 'refunded', amount: '39.98', fee: '0.00' },
  ],
  ...overrides,
});

const balance = (entries: ReadonlyArray<{ amount: string; type: 'debit' | 'credit' }>) =>
  entries.reduce((sum, e) => (e.type === 'debit' ? sum.plus(e.amount) : sum.minus(e.amount)), new Decimal(0));

describe('toSettlementJournal', () => {
  it('books net to the bank, fees to expense and gross − refunds out of clearing, balanced to the cent', () => {
    const result = toSettlementJournal(settlement(), mapping);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const batch = result.value;
    assert.equal(batch.referenceNo, 'STL-po_1Q2W3E');
    assert.equal(batch.journal, 'GJ');
    assert.deepEqual(batch.batchDate, { year: 2026, month: 11, day: 27 });
    assert.deepEqual(batch.entries.map((e) => [e.accountNo, e.type, e.amount]), [
      ['1010', 'debit', '1458.61'],
      ['6125', 'debit', '45.07'],
      ['1225', 'credit', '1503.68'],
    ]);
    assert.ok(balance(batch.entries).isZero());
    assert.ok(batch.entries.every((e) => e.currency === 'USD'));
  });

  it('leaves out zero entries and credits the bank when refunds exceed captures', () => {
    const result = toSettlementJournal(settlement({ gross: '10.00', refunds: '30.00', fees: '0.00', net: '-20.00', payments: [] }), mapping);
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.deepEqual(result.value.entries.map((e) => [e.accountNo, e.type, e.amount]), [['1010', 'credit', '20.00'], ['1225', 'debit', '20.00']]);
  });

  it('refuses a payout whose net is not gross − refunds − fees', () => {
    const result = toSettlementJournal(settlement({ net: '1458.62' }), mapping);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.SETTLEMENT_UNBALANCED');
    assert.equal(result.error.transient, false);
    assert.match(result.error.message, /1458\.61, not the net deposit 1458\.62/);
  });

  it('refuses a payout whose listed payments do not add up to its gross', () => {
    const base = settlement();
    const result = toSettlementJournal({ ...base, payments: base.payments.slice(1) }, mapping);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.SETTLEMENT_UNBALANCED');
    assert.match(result.error.message, /39\.98 of gross/);
  });

  it('refuses a gateway the mapping file does not know, naming the known ones', () => {
    const result = toSettlementJournal(settlement({ gateway: 'adyen' }), mapping);
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'MAPPING.UNMAPPED_GATEWAY');
    assert.ok((result.error.details['known'] as string[]).includes('stripe'));
  });

  it('refuses floats in disguise and negative fees', () => {
    for (const bad of [{ fees: '1e2' }, { fees: '-1.00' }, { gross: '' }]) {
      const result = toSettlementJournal(settlement(bad), mapping);
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'MAPPING.INVALID_AMOUNT');
    }
  });
});
