import { JSON_EVENT_HEADERS, sampleEvent, testKafka } from '@depeche/testing';
import type { Message } from 'kafkajs';

/**
 * `articles × versions` sample-sized events (about 8 KB each), versions of one story in order.
 * Article ids are `<prefix>-<n>`.
 */
export function bulkEvents(prefix: string, articles: number, versions: number): Message[] {
  const template = sampleEvent();
  const messages: Message[] = [];
  for (let version = 1; version <= versions; version++) {
    for (let n = 0; n < articles; n++) {
      const id = `${prefix}-${n}`;
      const event = {
        ...template,
        eventId: crypto.randomUUID(),
        type: version === 1 ? 'article.published' : 'article.updated',
        article: {
          ...template.article,
          id,
          version,
          headline: `${String(template.article.headline)} (${n} v${version})`,
        },
      };
      messages.push({ key: id, value: JSON.stringify(event), headers: { ...JSON_EVENT_HEADERS } });
    }
  }
  return messages;
}

/** Sends in chunks with acks from all replicas; a chunk that fails (broker restarting) is sent again. */
export async function produceAll(
  topic: string,
  messages: readonly Message[],
  chunk = 100, // 100 sample-sized events stay under the broker's 1 MiB per request
): Promise<void> {
  const producer = testKafka().producer({ retry: { retries: 20, maxRetryTime: 5_000 } });
  await producer.connect();
  try {
    for (let i = 0; i < messages.length; i += chunk) {
      const slice = messages.slice(i, i + chunk);
      for (let attempt = 0; ; attempt++) {
        try {
          await producer.send({ topic, acks: -1, messages: slice });
          break;
        } catch (error) {
          if (attempt > 30) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        }
      }
    }
  } finally {
    await producer.disconnect();
  }
}
