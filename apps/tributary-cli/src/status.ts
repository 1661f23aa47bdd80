import type { CommonEnv } from '@tributary/config';
import { retryKafka } from '@tributary/kafka-runtime';
import type { Logger } from '@tributary/observability';
import { openDeadLetters } from './dead-letters.js';
import { cliKafka } from './operator.js';

export interface GroupStatus {
  readonly group: string;
  readonly state: string;
  readonly members: number;
  readonly lag: number;
  readonly topics: Array<{ topic: string; lag: number }>;
  readonly deadLetters: number;
  readonly held: number;
  readonly deadLetterCodes: Record<string, number>;
}

export interface ServiceStatus {
  readonly url: string;
  readonly up: boolean;
  readonly service?: string;
  readonly error?: string;
  readonly circuits: Array<{ system: string; open: boolean }>;
  readonly budgets: Array<{ system: string; remaining: number; limit: number }>;
  readonly dlqWritten: number;
}

export interface StatusReport {
  readonly at: string;
  readonly groups: GroupStatus[];
  readonly services: ServiceStatus[];
}

/** `name{labels} value` lines of a Prometheus text exposition. */
export const parseMetrics = (text: string): Array<{ name: string; labels: Record<string, string>; value: number }> => {
  const samples: Array<{ name: string; labels: Record<string, string>; value: number }> = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const l of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
};

const scrape = async (url: string): Promise<ServiceStatus> => {
  const metricsUrl = /\/metrics\/?$/.test(url) ? url : `${url.replace(/\/$/, '')}/metrics`;
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const samples = parseMetrics(await response.text());
    const of = (name: string) => samples.filter((s) => s.name === name);
    const service = samples.find((s) => s.labels['service'])?.labels['service'];
    const remaining = of('tributary_erp_budget_remaining');
    return {
      url, up: true, ...(service ? { service } : {}),
      circuits: of('tributary_circuit_open').map((s) => ({ system: s.labels['system'] ?? '', open: s.value === 1 })),
      budgets: of('tributary_erp_budget_limit').map((s) => ({ system: s.labels['system'] ?? '', limit: s.value, remaining: remaining.find((r) => r.labels['system'] === s.labels['system'])?.value ?? s.value })),
      dlqWritten: of('tributary_dlq_messages_total').reduce((sum, s) => sum + s.value, 0),
    };
  } catch (error) {
    return { url, up: false, error: error instanceof Error ? error.message : String(error), circuits: [], budgets: [], dlqWritten: 0 };
  }
};

/**
 * Per consumer group: lag (committed offsets vs end offsets, from Kafka's admin API), open dead
 * letters and held orders (`REVIEW.*` in its DLQ); per service (its ops URL): up, circuits, ERP
 * budgets, dead letters written since start. Groups: the ones given, else every group on the
 * cluster under TOPIC_PREFIX except the operator tools' own readers.
 */
export const collectStatus = async (config: CommonEnv, log: Logger, options: { groups?: string[]; opsUrls: string[] }): Promise<StatusReport> => {
  const kafka = cliKafka(config, log);
  const admin = kafka.admin();
  await admin.connect();
  const groups: GroupStatus[] = [];
  try {
    const prefix = config.TOPIC_PREFIX;
    let names = options.groups?.map((g) => (g.startsWith(prefix) ? g : `${prefix}${g}`));
    if (!names || names.length === 0) {
      const listed = await retryKafka(() => admin.listGroups());
      names = listed.groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix) && !/tributary-(range|end|cli)|reader/.test(g)).sort();
    }
    const described = names.length > 0 ? await retryKafka(() => admin.describeGroups(names!)) : { groups: [] };
    const ends = new Map<string, Map<number, bigint>>();
    const endOf = async (topic: string) => {
      let map = ends.get(topic);
      if (!map) {
        map = new Map((await retryKafka(() => admin.fetchTopicOffsets(topic))).map((o) => [o.partition, BigInt(o.high)]));
        ends.set(topic, map);
      }
      return map;
    };
    for (const name of names) {
      const group = name.slice(prefix.length);
      const offsets = await retryKafka(() => admin.fetchOffsets({ groupId: name }));
      const topics: Array<{ topic: string; lag: number }> = [];
      for (const { topic, partitions } of offsets) {
        const end = await endOf(topic);
        let lag = 0n;
        for (const p of partitions) {
          const high = end.get(p.partition) ?? 0n;
          const committed = BigInt(p.offset) < 0n ? 0n : BigInt(p.offset);
          if (high > committed) lag += high - committed;
        }
        topics.push({ topic: topic.slice(prefix.length), lag: Number(lag) });
      }
      let entries: Array<{ code: string }> = [];
      try {
        entries = (await openDeadLetters(config, log, group)).entries;
      } catch {
        entries = []; // a group without a DLQ topic (e.g. a projector)
      }
      const codes: Record<string, number> = {};
      for (const e of entries) codes[e.code] = (codes[e.code] ?? 0) + 1;
      const description = described.groups.find((g) => g.groupId === name);
      groups.push({
        group, state: description?.state ?? 'Unknown', members: description?.members.length ?? 0,
        lag: topics.reduce((sum, t) => sum + t.lag, 0), topics,
        deadLetters: entries.length, held: entries.filter((e) => e.code.startsWith('REVIEW.')).length, deadLetterCodes: codes,
      });
    }
  } finally {
    await admin.disconnect();
  }
  const services = await Promise.all(options.opsUrls.map(scrape));
  return { at: new Date().toISOString(), groups, services };
};

export const renderStatus = (report: StatusReport): string => {
  const lines = [`tributary status at ${report.at}`, '', 'consumer groups:'];
  if (report.groups.length === 0) lines.push('  (none)');
  for (const g of report.groups) {
    lines.push(`  ${g.group.padEnd(24)} ${g.state.padEnd(12)} members ${String(g.members).padStart(2)}  lag ${String(g.lag).padStart(7)}  dead letters ${String(g.deadLetters).padStart(5)}  held ${String(g.held).padStart(4)}`);
    for (const t of g.topics.filter((t) => t.lag > 0)) lines.push(`    ${t.topic.padEnd(30)} lag ${t.lag}`);
    for (const [code, n] of Object.entries(g.deadLetterCodes)) lines.push(`    DLQ ${code.padEnd(30)} ${n}`);
  }
  lines.push('', 'services:');
  if (report.services.length === 0) lines.push('  (no ops URLs: pass --ops http://host:9464,… or set TRIBUTARY_OPS_URLS)');
  for (const s of report.services) {
    if (!s.up) { lines.push(`  ${s.url.padEnd(32)} DOWN (${s.error})`); continue; }
    const circuits = s.circuits.map((c) => `${c.system} ${c.open ? 'OPEN' : 'closed'}`).join(', ') || 'no circuits';
    const budgets = s.budgets.map((b) => `${b.system} ${b.remaining}/${b.limit} free`).join(', ') || 'no ERP budget';
    lines.push(`  ${(s.service ?? s.url).padEnd(24)} up  circuits: ${circuits}  budgets: ${budgets}  dead-lettered since start: ${s.dlqWritten}`);
  }
  return lines.join('\n');
};
