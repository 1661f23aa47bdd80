import { IntegrationError } from '@tributary/core';
import type { Order } from '@tributary/canonical-model';
import { creditProblem, type Sage100OrderPlan } from '@tributary/mapping-sage100';
import type { MappingConfig } from '@tributary/mapping-core';
import type { Sage100Port } from './sales-order.pipeline.js';
import { customerKey } from './customer.step.js';

/**
 * The credit rule: a customer on credit hold, or one whose balance plus this order exceeds the
 * CreditLimit, gets the order created on hold (OrderStatus H) or held for review, as configured.
 * An order a person approved (replayed with the review header) goes through on hold status.
 */
export const checkCredit = async (
  sage: Pick<Sage100Port, 'findCustomer'>,
  order: Order,
  plan: Sage100OrderPlan,
  customer: string,
  rules: MappingConfig['sage100'],
  approved: boolean,
): Promise<{ onHold: boolean; problem: string | null }> => {
  const { ARDivisionNo, CustomerNo } = customerKey(customer);
  const record = await sage.findCustomer(ARDivisionNo, CustomerNo);
  if (!record) throw IntegrationError.transient('SAGE100.CUSTOMER_NOT_VISIBLE', `customer ${customer} of order ${order.orderNumber} is not visible yet`, { orderId: order.orderId });
  const problem = creditProblem(record, plan.total);
  if (!problem) return { onHold: false, problem: null };
  if (rules.credit.onProblem === 'review' && !approved) {
    throw IntegrationError.permanent('REVIEW.CREDIT_HOLD', `order ${order.orderNumber} held for review: ${problem}`, { orderId: order.orderId, customer });
  }
  return { onHold: true, problem };
};
