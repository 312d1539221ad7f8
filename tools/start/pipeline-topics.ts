import { DEFAULT_TOPIC_SPECS } from '@depeche/contracts';
import { createKafka, ensureTopics } from '@depeche/kafka';

/** Creates the pipeline topics that do not exist yet and returns the names it created. */
export async function createPipelineTopics(brokers: string): Promise<string[]> {
  const admin = createKafka({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'depeche-topics' }).admin();
  await admin.connect();
  try {
    return await ensureTopics(admin, DEFAULT_TOPIC_SPECS);
  } finally {
    await admin.disconnect();
  }
}
