import type { Order } from '@tributary/canonical-model';
import type { Sage100CashReceipt, Sage100SalesOrder, Sage100SalesOrderHistory } from '@tributary/connectors-sage100';
import { reconcileRecords, type FoundRecord, type ReconciliationFinding, type ReceivedPayment } from '@tributary/mapping-intacct';
import { sage100ReceiptReference } from './cash-receipt.js';
import { BACK_ORDER_SUFFIX, customerPoNo } from './customer-po.js';
import { clarityOrderNumber } from './source-events.js';
import { sage100OrderTotal } from './to-sage100-sales-order.js';

/** A Sage 100 order as reconciliation reads it: open (with lines and amounts) or in history (header only). */
export type Sage100OrderOnFile = { readonly company: string } & ({ readonly open: Sage100SalesOrder } | { readonly history: Sage100SalesOrderHistory });

/**
 * Orders (their latest snapshot) against Sage 100 sales orders, by the same rules as Intacct's
 * (`reconcileRecords`): one Sage record per Clarity order, with its total and item-line count.
 * A split order is one record made of its two Sage orders (the PO and the PO + "-BO"); the same
 * CustomerPONo twice is a duplicate. History orders have no amounts to compare.
 */
export const reconcileSage100Orders = (orders: readonly Order[], onFile: readonly Sage100OrderOnFile[]) => {
  const byOrder = new Map<string, Sage100OrderOnFile[]>();
  for (const record of onFile) {
    const row = 'open' in record ? record.open : record.history;
    const number = clarityOrderNumber(row);
    byOrder.set(number, [...(byOrder.get(number) ?? []), record]);
  }
  const found: FoundRecord[] = [];
  const duplicates: ReconciliationFinding[] = [];
  for (const [reference, records] of byOrder) {
    const byPo = new Map<string, Sage100OrderOnFile[]>();
    for (const r of records) { const po = ('open' in r ? r.open : r.history).CustomerPONo; byPo.set(po, [...(byPo.get(po) ?? []), r]); }
    const ids = (rs: readonly Sage100OrderOnFile[]) => rs.map((r) => `${r.company}-${('open' in r ? r.open : r.history).SalesOrderNo}`);
    const primary = byPo.get(customerPoNo(reference)) ?? [];
    const back = byPo.get(customerPoNo(reference, BACK_ORDER_SUFFIX)) ?? [];
    for (const [po, rs] of byPo) if (rs.length > 1) duplicates.push({ kind: 'duplicate', record: 'order', reference, documents: ids(rs), detail: `CustomerPONo ${po} is on ${rs.length} Sage orders` });
    const parts = [...primary.slice(0, 1), ...back.slice(0, 1)];
    const chosen = parts.length > 0 ? parts : records.slice(0, 1);
    const open = chosen.flatMap((r) => ('open' in r ? [r.open] : []));
    const allOpen = open.length === chosen.length;
    const total = allOpen ? open.reduce((sum, o) => sum + Number(sage100OrderTotal(o)), 0).toFixed(2) : undefined;
    const lines = allOpen ? new Set(open.flatMap((o) => o.Lines.filter((l) => l.ItemType === '1').map((l) => l.ItemCode))).size : undefined;
    found.push({ id: ids(chosen).join('+'), reference, ...(total !== undefined ? { total } : {}), ...(lines !== undefined ? { lines } : {}) });
  }
  const result = reconcileRecords(
    'order',
    orders.map((o) => ({ reference: o.orderNumber, sourceId: o.orderId, total: o.totals.grandTotal, currency: o.currency, lines: new Set(o.lines.map((l) => l.sku)).size, describe: `order ${o.orderId}` })),
    found,
  );
  const counts = { ...result.section.counts, duplicate: result.section.counts.duplicate + duplicates.length };
  return { section: { ...result.section, counts }, findings: [...result.findings, ...duplicates] };
};

/** Payments that must be deposits against the receipts found under their references. */
export const reconcileSage100Payments = (payments: readonly ReceivedPayment[], receipts: readonly Sage100CashReceipt[]) =>
  reconcileRecords(
    'payment',
    payments.map((p) => ({ reference: sage100ReceiptReference(p), sourceId: p.transactionId ?? p.orderId, total: p.amount, currency: p.currency, describe: `payment ${p.transactionId ?? ''} of order ${p.orderNumber}` })),
    receipts.map((r) => ({ id: `DEPOSIT-${r.DepositNo}`, reference: r.Reference, total: r.PostingAmt.toFixed(2) })),
  );
