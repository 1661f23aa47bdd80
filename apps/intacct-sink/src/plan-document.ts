import type { Order } from '@tributary/canonical-model';
import { applyCompanyRules, toIntacctSalesOrder, type SalesOrderPlan } from '@tributary/mapping-intacct';
import type { SalesOrderPipelineDeps } from './sales-order.pipeline.js';

/** The Intacct document an order snapshot stands for: base mapping, then the company's mapping file. Throws mapping errors. */
export const planDocument = async (deps: SalesOrderPipelineDeps, order: Order): Promise<SalesOrderPlan> => {
  const base = toIntacctSalesOrder(order, deps.rules);
  if (!base.ok) throw base.error;
  const planned = await applyCompanyRules(order, base.value, deps.company);
  if (!planned.ok) throw planned.error;
  return planned.value;
};
