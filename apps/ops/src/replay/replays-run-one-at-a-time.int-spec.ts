import { DLQ_HEADERS } from '@depeche/contracts';
import { deadLetterFromKafka, migrate, MIGRATIONS, OpsDeadLetterStore } from '@depeche/persistence';
import { createSqliteTestDatabase, type TestDatabase } from '@depeche/testing';
import type { Message } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OpsEnv } from '../config/ops.env';
import type { OpsRuntime } from '../runtime/ops-runtime';
import { ReplayService } from './replay.service';

/**
 * Issue 7, replay: a replay read the letters not yet replayed, sent them, and only then marked
 * them. Two at once (a double click, two operators) read the same letters, and each went back to
 * the events topic twice.
 */
describe('replays asked for at once', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = createSqliteTestDatabase();
    await migrate(database.db, MIGRATIONS);
    const store = new OpsDeadLetterStore(database.db);
    for (const offset of ['1', '2', '3']) {
      const letter = deadLetterFromKafka('articles.events.dlq', 0, {
        key: Buffer.from(`story-${offset}`),
        value: Buffer.from('{}'),
        offset,
        headers: {
          [DLQ_HEADERS.errorCode]: 'schema-violation',
          [DLQ_HEADERS.failedAt]: '2025-07-04T15:00:00.000Z',
        },
      });
      await store.index(letter, new Date('2025-07-04T15:00:01.000Z'));
    }
  });

  afterAll(() => database.drop());

  it('send each letter once', async () => {
    const sent: Message[] = [];
    const runtime = {
      db: database.db,
      producer: {
        send: async ({ messages }: { messages: Message[] }) => {
          await sleep(20); // the broker's acknowledgement
          sent.push(...messages);
        },
      },
    } as unknown as OpsRuntime;
    const replay = new ReplayService({ INGEST_TOPIC: 'articles.events' } as OpsEnv, runtime);
    const counts = await Promise.all([
      replay.matching({ which: 'new' }, 'operator-1'),
      replay.matching({ which: 'new' }, 'operator-2'),
    ]);
    expect(sent.map((m) => String(m.key)).sort()).toEqual(['story-1', 'story-2', 'story-3']);
    expect(counts.sort()).toEqual([0, 3]);
  });
});
