import type { Order } from '@tributary/canonical-model';
import { toSage100SalesOrder, type Sage100OrderPlan } from '@tributary/mapping-sage100';
import type { SalesOrderPipelineDeps } from './sales-order.pipeline.js';

/** The Sage 100 sales order an order snapshot stands for (mapping file applied). Throws mapping errors. */
export const planDocument = async (deps: Pick<SalesOrderPipelineDeps, 'company'>, order: Order): Promise<Sage100OrderPlan> => {
  const planned = await toSage100SalesOrder(order, deps.company);
  if (!planned.ok) throw planned.error;
  return planned.value;
};
