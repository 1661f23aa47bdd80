import type { Admin } from 'kafkajs';

/** What the runtime needs to know to create a topic (the catalogue lives in canonical-model). */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly cleanupPolicy: 'delete' | 'compact';
  readonly retentionMs: number;
}

/**
 * Creates the topics a service uses, with their partitions and cleanup/retention, at start.
 * Idempotent: existing topics are left alone (and reported), so every replica may run it.
 */
export const provisionTopics = async (admin: Admin, specs: readonly TopicSpec[], replicationFactor = 1): Promise<{ created: string[]; existing: string[] }> => {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.name));
  if (missing.length > 0) {
    await admin.createTopics({
      waitForLeaders: true,
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
  }
  return { created: missing.map((s) => s.name), existing: specs.filter((s) => existing.has(s.name)).map((s) => s.name) };
};

/** Applies a deployment's topic prefix (isolated environments and tests share one cluster). */
export const withPrefix = <T extends TopicSpec>(spec: T, prefix: string): T => (prefix ? { ...spec, name: `${prefix}${spec.name}` } : spec);
