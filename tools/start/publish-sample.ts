import { HEADERS, TOPICS } from '@depeche/contracts';
import { createKafka } from '@depeche/kafka';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Publishes the sample article (fixtures/sample-article.published.json) as the CMS would, with a
 * fresh event id so that a second `npm start` shows a new event rather than a duplicate.
 */
export async function publishSample(root: string, brokers: string): Promise<string> {
  const event = JSON.parse(
    readFileSync(join(root, 'fixtures', 'sample-article.published.json'), 'utf8'),
  ) as { eventId: string; article: { id: string } };
  event.eventId = randomUUID();
  const producer = createKafka({
    KAFKA_BROKERS: brokers,
    KAFKA_CLIENT_ID: 'depeche-start',
  }).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: TOPICS.articleEvents,
      acks: -1,
      messages: [
        {
          key: event.article.id,
          value: JSON.stringify(event),
          headers: { [HEADERS.contentType]: 'application/json', [HEADERS.schemaVersion]: '1' },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  return event.article.id;
}
