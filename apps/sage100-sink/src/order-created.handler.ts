import type { Order } from '@tributary/canonical-model';
import { IntegrationError } from '@tributary/core';
import { exactlyOnceEffect, LedgerStatus, OperatorHeader, type PipelineOutcome } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import { BACK_ORDER_SUFFIX, customerPoNo, describeShort, salesOrderRequest, type PlannedLine, type Sage100OrderPlan } from '@tributary/mapping-sage100';
import { checkCredit } from './credit.step.js';
import { customerKey, ensureSage100Customer } from './customer.step.js';
import type { HoldKind } from './held-orders.js';
import { ledgerEntries } from './ledger-entry.js';
import { REVIEW_APPROVED_HEADER } from '@tributary/mapping-core';
import { planDocument } from './plan-document.js';
import type { OrderHandler, Sage100Port, SalesOrderPipelineDeps } from './sales-order.pipeline.js';
import { decideStockOnce } from './stock.step.js';

const MINUTE_MS = 60_000;

export interface PlaceContext {
  readonly event: { readonly eventId: string };
  readonly correlationId: string;
  readonly attempt: number;
  readonly log: Logger;
  /** Re-enqueued by reconciliation because the order is missing: verify, whatever the ledger says. */
  readonly verify: boolean;
  /** A person reviewed and approved the order (replayed with the review header). */
  readonly approved: boolean;
}

/** `ABC-0000042`: the company and SalesOrderNo the ledger records. */
export const orderRef = (company: string, salesOrderNo: string) => `${company}-${salesOrderNo}`;

/** One Sage order of the plan, at most once: ledger, then its CustomerPONo in open orders and history before any create. */
const createOnce = async (
  sage: Sage100Port, entry: ReturnType<ReturnType<typeof ledgerEntries>>, plan: Sage100OrderPlan, customer: string,
  part: { lines: readonly PlannedLine[]; orderType: 'S' | 'B'; customerPoNo: string; onHold: boolean; withCharges: boolean },
  { ledger, attempt, verify }: { ledger: SalesOrderPipelineDeps['ledger']; attempt: number; verify: boolean },
) => {
  const owner = customerKey(customer);
  return exactlyOnceEffect({
    ledger, key: entry.key, entry: entry.entry, attempt, verifyDone: verify, findFirst: true,
    duplicateCode: 'SAGE100.DUPLICATE',
    find: async () => {
      const { open, history } = await sage.findSalesOrdersByPo(part.customerPoNo, owner);
      const found = open[0]?.SalesOrderNo ?? history[0]?.SalesOrderNo;
      return found ? orderRef(plan.company, found) : null;
    },
    create: async () => orderRef(plan.company, (await sage.createSalesOrder(salesOrderRequest(plan, owner.CustomerNo, part))).SalesOrderNo),
  });
};

/**
 * Places an order in Sage 100 (also when a held order is released): plan → review → customer →
 * credit → stock → sales order(s). Returns skipped while the order must wait (stock hold).
 */
export const placeOrder = async (deps: SalesOrderPipelineDeps, order: Order, ctx: PlaceContext): Promise<PipelineOutcome> => {
  const ledgerFor = ledgerEntries(ctx.event, ctx.correlationId, ctx.attempt, deps.clock ?? Date.now);
  const salesOrder = ledgerFor('sales-order', order.orderId, order.orderNumber);
  const heldEntry = ledgerFor('held', order.orderId, order.orderNumber);
  const posted = deps.ledger.get(salesOrder.key);
  if (posted?.status === LedgerStatus.cancelled) return { kind: 'skipped', reason: `order ${order.orderNumber} was cancelled` };
  if (posted?.status === LedgerStatus.done && !ctx.verify) return { kind: 'duplicate', ref: posted.externalId ?? '' };
  const { mapping } = deps.company;
  const now = (deps.clock ?? Date.now)();
  const hold = async (kind: HoldKind, reason: string, skus: readonly string[]) => {
    await deps.held.hold({ orderId: order.orderId, orderNumber: order.orderNumber, kind, reason, skus, heldAt: now, deadline: now + mapping.sage100.outOfStock.holdDeadlineMinutes * MINUTE_MS, order }, heldEntry);
    ctx.log.warn({ orderId: order.orderId, orderNumber: order.orderNumber, kind, reason, alert: 'sage100-order-held' }, 'order held');
  };

  const plan = await planDocument(deps, order);
  if (deps.review && !ctx.approved && posted?.status !== LedgerStatus.done) deps.review.check(order);
  const sage = deps.sage(plan.company);

  let customer: string;
  try {
    const ensured = await ensureSage100Customer(order, { ledger: deps.ledger, sage, mapping, ledgerEntry: ledgerFor('customer', `${plan.company}:${order.customer.customerId}`, order.customer.email), attempt: ctx.attempt });
    if (ensured.created) ctx.log.info({ customer: ensured.customer, clarityCustomerId: order.customer.customerId, company: plan.company }, 'customer created');
    customer = ensured.customer;
  } catch (error) {
    if (error instanceof IntegrationError && error.code === 'REVIEW.CUSTOMER_NOT_FOUND') await hold('customer', error.message, []);
    throw error;
  }
  let credit: { onHold: boolean; problem: string | null };
  try {
    credit = await checkCredit(sage, order, plan, customer, mapping.sage100, ctx.approved);
  } catch (error) {
    if (error instanceof IntegrationError && error.code === 'REVIEW.CREDIT_HOLD') await hold('credit', error.message, []);
    throw error;
  }

  const stock = await decideStockOnce({ ledger: deps.ledger, sage, mapping, entry: ledgerFor('stock-plan', order.orderId, order.orderNumber) }, plan);
  if (stock.kind === 'hold') {
    await hold('stock', `out of stock: ${describeShort(stock.short)}`, [...new Set(stock.short.map((s) => s.sku))]);
    return { kind: 'skipped', reason: `held: out of stock (${describeShort(stock.short)})` };
  }

  const options = { ledger: deps.ledger, attempt: ctx.attempt, verify: ctx.verify };
  const first = stock.kind === 'split' ? stock.now : plan.lines;
  const result = await createOnce(sage, salesOrder, plan, customer, { lines: first, orderType: stock.kind === 'backorder' ? 'B' : 'S', customerPoNo: plan.customerPoNo, onHold: credit.onHold, withCharges: true }, options);
  let ref = result.ref;
  if (stock.kind === 'split') {
    const backOrder = await createOnce(sage, ledgerFor('back-order', order.orderId, order.orderNumber), plan, customer, { lines: stock.later, orderType: 'B', customerPoNo: customerPoNo(order.orderNumber, BACK_ORDER_SUFFIX), onHold: credit.onHold, withCharges: false }, options);
    ref = `${result.ref}+${backOrder.ref}`;
  }
  await deps.held.release(order.orderId, heldEntry, `placed as ${ref}`);
  if (result.kind === 'done') {
    deps.review?.observe(order);
    ctx.log.info({ salesOrder: ref, orderId: order.orderId, company: plan.company, customer, lines: order.lines.length, total: plan.total, stock: stock.kind, creditHold: credit.problem }, 'sales order created');
  }
  return { kind: result.kind, ref };
};

/** order.created (or an update of an order Sage 100 has never seen). */
export const handleOrderCreated: OrderHandler = async (deps, { value: event, correlationId, headers }, { attempt, log }): Promise<PipelineOutcome> =>
  placeOrder(deps, event.order, {
    event, correlationId, attempt, log,
    verify: headers[OperatorHeader.requeue] === 'missing',
    approved: headers[REVIEW_APPROVED_HEADER] === 'approved',
  });
