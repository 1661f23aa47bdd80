import type { Admin } from 'kafkajs';

/** What the runtime needs to know to create a topic (the catalogue lives in canonical-model). */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  readonly retentionMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const isRetriable = (error: unknown): boolean => {
  const e = error as { retriable?: boolean; type?: string; errors?: unknown[] };
  if (e.retriable) return true;
  return ['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_CONTROLLER', 'REQUEST_TIMED_OUT'].includes(e.type ?? '') || (e.errors ?? []).some(isRetriable);
};
const alreadyExists = (error: unknown): boolean => {
  const e = error as { type?: string; errors?: unknown[] };
  return e.type === 'TOPIC_ALREADY_EXISTS' || ((e.errors ?? []).length > 0 && (e.errors ?? []).every(alreadyExists));
};

/**
 * Creates the topics a service uses, with their partitions and cleanup/retention, at start.
 * Idempotent and safe to race: services starting together may create the same topic. A broker
 * that has just started answers "unknown topic" or "leader not available" for a moment, so
 * creation is retried, and the call returns only when every partition has a leader.
 */
export const provisionTopics = async (admin: Admin, specs: readonly TopicSpec[], replicationFactor = 1, timeoutMs = 60_000): Promise<{ created: string[]; existing: string[] }> => {
  const deadline = Date.now() + timeoutMs;
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  for (let attempt = 1; missing.length > 0; attempt++) {
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: [
            { name: 'cleanup.policy', value: spec.cleanupPolicy },
            ...(spec.cleanupPolicy === 'delete' ? [{ name: 'retention.ms', value: String(spec.retentionMs) }] : []),
          ],
        })),
      });
      break;
    } catch (error) {
      if (alreadyExists(error)) break;
      if (!isRetriable(error) || Date.now() > deadline) throw error;
      await sleep(Math.min(2000, 200 * attempt));
    }
  }
  await waitForLeaders(admin, specs.map((s) => s.name), deadline);
  return { created: missing.map((s) => s.name), existing: specs.filter((s) => existing.has(s.name)).map((s) => s.name) };
};

const waitForLeaders = async (admin: Admin, topics: string[], deadline: number): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.length === topics.length && metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.partitionErrorCode === 0 && p.leader >= 0));
      if (ready) return;
    } catch (error) {
      if (!isRetriable(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after waiting`);
    await sleep(Math.min(1000, 100 * attempt));
  }
};

/** Applies a deployment's topic prefix (isolated environments and tests share one cluster). */
export const withPrefix = <T extends TopicSpec>(spec: T, prefix: string): T => (prefix ? { ...spec, name: `${prefix}${spec.name}` } : spec);
