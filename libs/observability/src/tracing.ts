import { randomBytes } from 'node:crypto';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { ReadableSpan, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';

export { SpanKind, type Span };

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const TRACER = 'tributary';

let sdk: NodeSDK | undefined;
let mode: 'off' | 'otlp' | 'custom' = 'off';

/** Exports finished spans to a callback as they end (tests: an in-memory exporter). */
class ImmediateProcessor implements SpanProcessor {
  constructor(private readonly exporter: SpanExporter) {}
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.exporter.export([span], () => undefined);
  }
  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }
  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }
}

/** Records spans (so each hop gets its own span id) and drops them: tracing on, export off. */
const droppingProcessor: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** Keeps every finished span in memory; for tests. */
export class MemorySpanExporter implements SpanExporter {
  readonly spans: ReadableSpan[] = [];
  export(spans: ReadableSpan[], done: (result: { code: number }) => void): void {
    this.spans.push(...spans);
    done({ code: 0 });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  reset(): void {
    this.spans.length = 0;
  }
}

export interface TracingOptions {
  readonly service: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Overrides the environment: every finished span goes here at once (tests). */
  readonly exporter?: SpanExporter;
}

/**
 * Starts OpenTelemetry once per process (later calls do nothing and return the mode in force).
 * Spans are always created, so the W3C `traceparent` travels webhook → Kafka → consumers → ERP
 * calls; they are exported over OTLP/HTTP only when `TRIBUTARY_TRACING=otlp`, or when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set and
 * `TRIBUTARY_TRACING` is not `off`. Only traces: no OTel logs or metrics (Prometheus has those).
 */
export const startTracing = (options: TracingOptions): 'off' | 'otlp' | 'custom' => {
  if (sdk) return mode;
  const env = options.env ?? process.env;
  const wanted = (env['TRIBUTARY_TRACING'] ?? '').toLowerCase();
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  let processor: SpanProcessor = droppingProcessor;
  let traceExporter: SpanExporter | undefined;
  if (options.exporter) {
    mode = 'custom';
    processor = new ImmediateProcessor(options.exporter);
  } else if (wanted === 'otlp' || (wanted !== 'off' && endpoint)) {
    mode = 'otlp';
    traceExporter = new OTLPTraceExporter();
  } else {
    mode = 'off';
  }
  sdk = new NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] || options.service,
    autoDetectResources: false,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
    ...(traceExporter ? { traceExporter } : { spanProcessors: [processor] }),
  });
  sdk.start();
  return mode;
};

/** Flushes and stops the exporter (on shutdown). */
export const stopTracing = async (): Promise<void> => {
  const current = sdk;
  sdk = undefined;
  mode = 'off';
  await current?.shutdown().catch(() => undefined);
};

const tracer = () => trace.getTracer(TRACER);

/** The context a W3C `traceparent` header continues (the root context when absent or malformed). */
export const contextFromTraceparent = (traceparent: string | undefined, base: Context = ROOT_CONTEXT): Context => {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return base;
  return trace.setSpanContext(base, { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16), isRemote: true });
};

/**
 * The `traceparent` for a span. Without a tracer provider (tracing never started) a span only
 * echoes its parent: then a fresh span id (and a fresh trace id when there was no parent) is made
 * up, so the header is always a valid child.
 */
export const traceparentOf = (span: Span, parent?: Context): { traceparent: string; traceId: string } => {
  const ctx = span.spanContext();
  const parentCtx = parent ? trace.getSpanContext(parent) : undefined;
  const valid = trace.isSpanContextValid(ctx) && ctx.spanId !== parentCtx?.spanId;
  const traceId = valid ? ctx.traceId : parentCtx && trace.isSpanContextValid(parentCtx) ? parentCtx.traceId : randomBytes(16).toString('hex');
  const spanId = valid ? ctx.spanId : randomBytes(8).toString('hex');
  const flags = valid ? ctx.traceFlags : TraceFlags.SAMPLED;
  return { traceparent: `00-${traceId}-${spanId}-${flags.toString(16).padStart(2, '0')}`, traceId };
};

/** The active span's traceparent, if there is an active span. */
export const activeTraceparent = (): string | undefined => {
  const span = trace.getActiveSpan();
  if (!span || !trace.isSpanContextValid(span.spanContext())) return undefined;
  return traceparentOf(span).traceparent;
};

export interface SpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  /** Continue this trace instead of the active context. */
  readonly traceparent?: string | undefined;
}

/** Starts a span (child of `traceparent`, else of the active span); the caller ends it. */
export const startSpan = (name: string, options: SpanOptions = {}): { span: Span; context: Context; traceparent: string; traceId: string } => {
  const parent = options.traceparent !== undefined ? contextFromTraceparent(options.traceparent) : context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}) }, parent);
  return { span, context: trace.setSpan(parent, span), ...traceparentOf(span, parent) };
};

/**
 * Runs `work` inside a new span made active (so spans the work starts are its children); records
 * a thrown error on the span and rethrows it.
 */
export const inSpan = async <R>(name: string, options: SpanOptions, work: (span: Span) => Promise<R>): Promise<R> => {
  const { span, context: ctx } = startSpan(name, options);
  try {
    return await context.with(ctx, () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    span.end();
  }
};
