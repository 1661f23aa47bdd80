import { IntegrationError } from '@tributary/core';
import type { Order } from '@tributary/canonical-model';
import { assessOrder, type AnomalyAssessment, type AssessOptions } from './assess-order.js';
import type { OrderFacts } from './order-facts.js';
import { OrderHistoryStats } from './order-history-stats.js';

/** Header a person sets when replaying a held order they reviewed and approved. */
export const REVIEW_APPROVED_HEADER = 'x-tributary-review';

const factsOf = (order: Order, stats: OrderHistoryStats): OrderFacts => ({
  orderId: order.orderId,
  customerId: order.customer.customerId,
  storeId: order.storeId ?? 'default',
  grandTotal: order.totals.grandTotal,
  currency: order.currency,
  isNewCustomer: stats.customerTotals(order.customer.customerId, order.currency).length === 0,
  billingCountry: order.billingAddress.country,
  shippingCountry: order.shippingAddress.country,
  lines: order.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
});

/**
 * The brief's "AI-assisted validation": each order is scored against the robust statistics of the
 * orders this sink has posted (customer, store, SKU history). An order at or above the threshold
 * is held for a person (dead letter with REVIEW.ANOMALY_HOLD, its score and reasons) instead of
 * being posted. History lives in memory and starts empty after a restart, so a fresh sink holds
 * nothing until it has seen `minHistory` orders.
 */
export class OrderReview {
  private readonly stats = new OrderHistoryStats();

  constructor(private readonly options: AssessOptions) {}

  /** Throws a permanent REVIEW.ANOMALY_HOLD when the order must wait for a person. */
  check(order: Order): AnomalyAssessment {
    const assessment = assessOrder(factsOf(order, this.stats), this.stats, this.options);
    if (assessment.hold) {
      throw IntegrationError.permanent(
        'REVIEW.ANOMALY_HOLD',
        `order ${order.orderNumber} held for review (score ${assessment.score.toFixed(2)}): ${assessment.reasons.map((r) => r.message).join('; ')}`,
        { score: assessment.score, reasons: assessment.reasons },
      );
    }
    return assessment;
  }

  /** Learns from an order that was posted. */
  observe(order: Order): void {
    this.stats.observe(factsOf(order, this.stats));
  }
}
