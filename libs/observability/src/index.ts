export { createLogger, redactedPaths, type Logger } from './logger.js';
export { TributaryMetrics } from './metrics.js';
export { Readiness, type ReadinessCheck, type ReadinessReport } from './health.js';
export { OpsServer } from './ops-server.js';
