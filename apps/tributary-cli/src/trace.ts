import { topics } from '@tributary/canonical-model';
import type { CommonEnv } from '@tributary/config';
import { readTopicRange, readTopicToEnd } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import type { KafkaMessage } from 'kafkajs';
import { cliKafka, decodeAvro, headerText } from './operator.js';

export interface TimelineEntry {
  readonly at: string;
  readonly system: string;
  readonly what: string;
  readonly ref?: string | undefined;
  readonly detail?: string | undefined;
  readonly traceId?: string | undefined;
}

export interface OrderTrace {
  readonly order: string;
  readonly keys: string[];
  readonly traceIds: string[];
  readonly timeline: TimelineEntry[];
}

type Outcome = { eventId: string; service: string; pipeline: string; topic: string; partition: number; offset: string; key: string; outcome: string; ref: string | null; reason: string | null; correlationId: string; traceId: string | null; subject: string | null; at: number };
type Webhook = { webhookId: string; eventType: string; receivedAt: number; correlationId: string; body: string };
type Xref = { key: string; system: string; entity: string; sourceId: string; status: string; externalId: string | null; externalReference: string | null; updatedAt: number; detail: string | null };

const decodeAll = async <T>(config: CommonEnv, messages: KafkaMessage[]): Promise<Array<{ message: KafkaMessage; value: T }>> => {
  const out: Array<{ message: KafkaMessage; value: T }> = [];
  for (const message of messages) {
    if (message.value === null) continue;
    const decoded = await decodeAvro(config.SCHEMA_REGISTRY_URL, message.value);
    if (decoded.value !== undefined && decoded.value !== null) out.push({ message, value: decoded.value as T });
  }
  return out;
};

const exists = async (config: CommonEnv, log: Logger, topic: string): Promise<boolean> => {
  const admin = cliKafka(config, log).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
};

/**
 * One order's timeline across systems, from what Kafka holds: the webhooks the ingress stored
 * (clarity.webhook.v1) that name the order, what each service did with its messages
 * (integration.outcome.v1: received, done with the ERP document id, duplicate, skipped,
 * dead-lettered, parked) and the ERP/CRM records the sinks' ledgers hold (integration.xref.v1).
 * `order` is the Clarity order id or the order number.
 */
export const traceOrder = async (config: CommonEnv, log: Logger, order: string, range: { fromMs: number; toMs: number }): Promise<OrderTrace> => {
  const kafka = cliKafka(config, log);
  const name = (spec: { name: string }) => `${config.TOPIC_PREFIX}${spec.name}`;
  const read = async (spec: { name: string }, whole = false): Promise<KafkaMessage[]> => {
    const messages: KafkaMessage[] = [];
    if (!(await exists(config, log, name(spec)))) return messages;
    if (whole) await readTopicToEnd(kafka, name(spec), (m) => { messages.push(m); });
    else await readTopicRange(kafka, name(spec), range, (m) => { messages.push(m); });
    return messages;
  };
  const [webhookMessages, outcomeMessages, xrefMessages] = await Promise.all([read(topics.clarityWebhook), read(topics.outcome), read(topics.xref, true)]);
  const quoted = JSON.stringify(order);
  const webhooks = (await decodeAll<Webhook>(config, webhookMessages.filter((m) => m.value?.includes(quoted))))
    .filter(({ value }) => value.body.includes(quoted));
  const webhookIds = new Set(webhooks.map((w) => w.value.webhookId));
  const outcomes = await decodeAll<Outcome>(config, outcomeMessages);
  const keys = new Set<string>();
  for (const { value } of outcomes) {
    if (value.key === order || value.subject === order || (value.outcome === 'received' && value.ref !== null && webhookIds.has(value.ref))) keys.add(value.key);
  }
  const mine = outcomes.filter(({ value }) => keys.has(value.key));
  const xrefs = (await decodeAll<Xref>(config, xrefMessages)).filter(({ value }) => keys.has(value.sourceId) || value.sourceId === order || value.externalReference === order);

  const timeline: TimelineEntry[] = [];
  for (const { message, value } of webhooks) {
    timeline.push({ at: new Date(value.receivedAt).toISOString(), system: 'clarity → ingress', what: `webhook ${value.eventType} stored (${headerText(message, 'outcome') || 'received'})`, ref: value.webhookId, traceId: /^00-([0-9a-f]{32})-/.exec(headerText(message, 'traceparent'))?.[1] });
  }
  for (const { value } of mine) {
    timeline.push({
      at: new Date(value.at).toISOString(), system: value.service,
      what: value.outcome === 'received' ? `${value.pipeline}: produced to ${value.topic}` : `${value.pipeline}: ${value.outcome}`,
      ref: value.ref ?? undefined, detail: value.reason ?? (value.offset ? `${value.topic}/${value.partition}/${value.offset}` : undefined), traceId: value.traceId ?? undefined,
    });
  }
  for (const { value } of latestPerKey(xrefs.map((x) => x.value))) {
    timeline.push({ at: new Date(value.updatedAt).toISOString(), system: value.system, what: `${value.entity} ${value.status}`, ref: value.externalId ?? undefined, detail: value.detail ?? undefined });
  }
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  return { order, keys: [...keys], traceIds: [...new Set(timeline.map((t) => t.traceId).filter((t): t is string => !!t))], timeline };
};

const latestPerKey = (xrefs: Xref[]): Array<{ value: Xref }> => {
  const latest = new Map<string, Xref>();
  for (const x of xrefs) latest.set(x.key, x);
  return [...latest.values()].map((value) => ({ value }));
};

export const renderTrace = (trace: OrderTrace): string => {
  if (trace.timeline.length === 0) return `nothing found for order ${trace.order}`;
  const lines = [`order ${trace.order} (keys: ${trace.keys.join(', ') || '-'}; traces: ${trace.traceIds.join(', ') || '-'})`];
  for (const t of trace.timeline) lines.push(`${t.at}  ${t.system.padEnd(20)} ${t.what}${t.ref ? `  → ${t.ref}` : ''}${t.detail ? `  (${t.detail})` : ''}`);
  return lines.join('\n');
};
