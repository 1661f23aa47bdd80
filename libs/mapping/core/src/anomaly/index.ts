export { assessOrder, combine, assessOptionsSchema, type AssessOptions, type AnomalyAssessment } from './assess-order.js';
export { OrderHistoryStats, orderHistorySnapshotSchema, type OrderHistorySnapshot, type OrderHistoryOptions } from './order-history-stats.js';
export type { OrderFacts } from './order-facts.js';
export type { AnomalyReason } from './signals.js';
export { OrderReview, REVIEW_APPROVED_HEADER } from './order-review.js';
