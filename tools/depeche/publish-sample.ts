import { HEADERS } from '@depeche/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext } from './cli-context';

/**
 * Publishes the sample article as the CMS would, with a fresh event id and correlation id, and
 * `--version <n>` to send a later version of it.
 */
export async function publishSample(ctx: CliContext, version?: number): Promise<void> {
  const event = JSON.parse(
    readFileSync(join(ctx.root, 'fixtures', 'sample-article.published.json'), 'utf8'),
  ) as { eventId: string; type: string; article: { id: string; version: number } };
  event.eventId = randomUUID();
  if (version !== undefined && version > event.article.version) {
    event.article.version = version;
    event.type = 'article.updated';
  }
  const correlationId = `cli-${randomUUID()}`;
  const producer = ctx.kafka.producer();
  await producer.connect();
  try {
    await producer.send({
      topic: ctx.env.INGEST_TOPIC,
      acks: -1,
      messages: [
        {
          key: event.article.id,
          value: JSON.stringify(event),
          headers: {
            [HEADERS.contentType]: 'application/json',
            [HEADERS.schemaVersion]: '1',
            [HEADERS.correlationId]: correlationId,
          },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
  ctx.output.out(
    `published ${event.type} ${event.article.id} v${event.article.version} on ${ctx.env.INGEST_TOPIC} (event ${event.eventId}, correlation ${correlationId})\n`,
  );
}
