import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readSettlementReport } from './settlement-report.js';

const header = 'settlement_id,gateway,currency,settled_at,payment_id,order_number,kind,amount,fee,net';
const csv = (...rows: string[]) => [header, ...rows].join('\n');
const good = csv(
  'po_1,stripe,USD,2026-11-27,ch_1,CL-1,captured,1503.68,43.91,1458.61',
  'po_1,stripe,USD,2026-11-27,ch_2,CL-2,captured,39.98,1.16,1458.61',
  'po_1,stripe,USD,2026-11-27,re_1,CL-2,refunded,39.98,0.00,1458.61',
  'po_2,paypal,EUR,2026-11-28,pp_9,CL-9,captured,10.00,0.39,',
);

describe('readSettlementReport', () => {
  it('turns payout rows into one settlement event each, with exact totals', () => {
    const report = readSettlementReport(good, () => 1);
    assert.ok(report.ok);
    assert.equal(report.events.length, 2);
    const [stripe, paypal] = report.events.map((e) => e.settlement);
    assert.deepEqual({ gross: stripe?.gross, refunds: stripe?.refunds, fees: stripe?.fees, net: stripe?.net, payments: stripe?.payments.length }, { gross: '1543.66', refunds: '39.98', fees: '45.07', net: '1458.61', payments: 3 });
    assert.equal(stripe?.settledAt, Date.parse('2026-11-27'));
    assert.deepEqual({ net: paypal?.net, currency: paypal?.currency }, { net: '9.61', currency: 'EUR' });
  });

  it('gives the same event ids when the same file is imported again', () => {
    const first = readSettlementReport(good, () => 1);
    const again = readSettlementReport(good, () => 2);
    assert.ok(first.ok && again.ok);
    assert.deepEqual(first.events.map((e) => e.eventId), again.events.map((e) => e.eventId));
  });

  it('refuses the whole file, with line numbers, when any row or settlement is wrong', () => {
    const report = readSettlementReport(csv(
      'po_1,stripe,USD,2026-11-27,ch_1,CL-1,captured,1503.68,43.91,1458.00',
      'po_1,stripe,CAD,2026-11-27,ch_2,CL-2,captured,12.5e1,1.16,',
      'po_2,stripe,USD,yesterday,ch_3,CL-3,paid,-1.00,0.10,',
      'po_3,stripe,USD,2026-11-27,ch_4,CL-4,captured,1.00,0.10,',
      'po_3,stripe,USD,2026-11-27,ch_4,CL-4,captured,1.00,0.10,',
    ));
    assert.ok(!report.ok);
    const messages = report.problems.map((p) => `${p.line}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('3: amount')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('4: settled_at')));
    assert.ok(messages.some((m) => m.startsWith('4: kind')));
    assert.ok(messages.some((m) => /^2: settlement po_1: the payout is 1458\.00/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^6: settlement po_3: payment ch_4 \(captured\) is listed twice/.test(m)));
  });

  it('explains an empty file or one that is not CSV', () => {
    const empty = readSettlementReport(header);
    assert.ok(!empty.ok);
    assert.match(empty.problems[0]?.message ?? '', /no payment rows/);
    const broken = readSettlementReport(`${header}\n"unterminated,stripe`);
    assert.ok(!broken.ok);
    assert.match(broken.problems[0]?.message ?? '', /not a CSV file/);
  });
});
