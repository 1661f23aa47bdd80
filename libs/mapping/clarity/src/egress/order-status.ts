import type { OrderStatus } from '@tributary/canonical-model';
import type { ClarityOrderStatus } from '@tributary/connectors-clarity';
import type { MappingConfig } from '@tributary/mapping-core';

/** How far along an order is in Clarity: an update never moves it to a lower rank. */
const RANK: Readonly<Record<ClarityOrderStatus, number>> = { processing: 1, invoiced: 2, shipped: 3, closed: 4, cancelled: 5 };
/** Clarity accepts nothing after these (its API answers 422 invalid_transition). */
const FINAL: ReadonlySet<string> = new Set<ClarityOrderStatus>(['closed', 'cancelled']);

export type ClarityStatusPlan =
  | { readonly kind: 'update'; readonly status: ClarityOrderStatus }
  | { readonly kind: 'skip'; readonly reason: string };

/**
 * An ERP document state (canonical status: open | in_progress | invoiced | closed | cancelled) in
 * Clarity's order statuses. open and in_progress are `processing`; invoiced is `invoiced`;
 * cancelled is `cancelled`. closed is `shipped` when the company's mapping file says that ERP
 * state is what Clarity's `shipped` becomes (statusMaps.<erp>.shipped, e.g. Intacct "Closed",
 * Sage 100 "C"), else `closed`: an ERP closes an order once its goods are out, and Clarity's
 * `closed` is terminal (no returns, no further changes), so it is only used when the mapping
 * file gives no better reading.
 */
export const toClarityOrderStatus = (status: OrderStatus, statusMaps: MappingConfig['statusMaps']): ClarityOrderStatus | undefined => {
  switch (status.status) {
    case 'open':
    case 'in_progress':
      return 'processing';
    case 'invoiced':
      return 'invoiced';
    case 'cancelled':
      return 'cancelled';
    case 'closed': {
      const map = (statusMaps as Record<string, Record<string, string> | undefined>)[status.system];
      return map?.['shipped'] !== undefined && map['shipped'] === status.erpState ? 'shipped' : 'closed';
    }
    default:
      return undefined;
  }
};

/** Whether moving from `current` (what Clarity was last told) to `next` goes forward. */
export const planOrderStatus = (next: ClarityOrderStatus | undefined, current: ClarityOrderStatus | undefined, erpStatus: string): ClarityStatusPlan => {
  if (next === undefined) return { kind: 'skip', reason: `unknown ERP status ${erpStatus}` };
  if (current === undefined) return { kind: 'update', status: next };
  if (current === next) return { kind: 'skip', reason: `already ${next}` };
  if (FINAL.has(current)) return { kind: 'skip', reason: `order is ${current} in Clarity; ${next} would reopen it` };
  if (RANK[next] < RANK[current]) return { kind: 'skip', reason: `${next} would move the order back from ${current}` };
  return { kind: 'update', status: next };
};

export const isClarityOrderStatus = (value: string | null | undefined): value is ClarityOrderStatus => value !== null && value !== undefined && Object.hasOwn(RANK, value);

/** The further along of two statuses (a final one wins over any other). */
export const furthestStatus = (a: ClarityOrderStatus | undefined, b: ClarityOrderStatus | undefined): ClarityOrderStatus | undefined => {
  if (a === undefined) return b;
  if (b === undefined || FINAL.has(a)) return a;
  if (FINAL.has(b)) return b;
  return RANK[b] > RANK[a] ? b : a;
};
