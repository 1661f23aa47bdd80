export { createLogger, redactedPaths, type Logger } from './logger.js';
export { TributaryMetrics } from './metrics.js';
export { Readiness, type ReadinessCheck, type ReadinessReport } from './health.js';
export { OpsServer } from './ops-server.js';
export { startTracing, stopTracing, MemorySpanExporter, contextFromTraceparent, traceparentOf, activeTraceparent, startSpan, inSpan, SpanKind, type Span, type SpanOptions, type TracingOptions } from './tracing.js';
