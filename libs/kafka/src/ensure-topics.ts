import type { TopicSpec } from '@depeche/contracts';
import type { Admin } from 'kafkajs';
import { createReadyTopics } from './wait-for-leaders';

/**
 * Creates the topics that do not exist yet; existing ones are left as they are.
 * Replication factor 1 suits the single local broker; production sets its own with its tooling.
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  replicationFactor = 1,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = specs.filter((spec) => !existing.has(spec.topic));
  if (missing.length === 0) return [];
  await createReadyTopics(
    admin,
    missing.map((spec) => ({
      topic: spec.topic,
      numPartitions: spec.partitions,
      replicationFactor,
      configEntries: Object.entries(spec.config ?? {}).map(([name, value]) => ({ name, value })),
    })),
  );
  const created = missing.map((spec) => spec.topic);
  return created;
}
