import { DLQ_HEADERS } from '@depeche/contracts';
import { TEST_DATABASES, type TestDatabase } from '@depeche/testing';
import { migrate, MIGRATIONS, OpsDeadLetterStore } from '.';
import { deadLetterFromKafka } from './ops-replay';

/**
 * Issue 7: ingest dead-letters a value that is not JSON with the parser's message, which quotes the
 * value, NUL bytes included. PostgreSQL's TEXT refuses U+0000: the index write failed on every
 * retry and the ops consumer never got past that letter.
 */
describe.each(TEST_DATABASES)('a dead letter whose reason holds a NUL, on %s', (_name, create) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
  });

  afterAll(() => database.drop());

  it('is indexed, the NUL shown as U+FFFD, its bytes kept for a replay', async () => {
    const value = Buffer.from('{"a":\u0000}', 'utf8');
    const letter = deadLetterFromKafka('articles.events.dlq', 0, {
      key: Buffer.from('story-1'),
      value,
      offset: '7',
      headers: {
        [DLQ_HEADERS.errorCode]: 'invalid-json',
        [DLQ_HEADERS.errorMessage]: 'value is not JSON: Unexpected token \u0000 in "{"a":\u0000}"',
        [DLQ_HEADERS.sourceTopic]: 'articles.events',
        [DLQ_HEADERS.failedAt]: '2025-07-04T15:00:00.000Z',
      },
    });
    const store = new OpsDeadLetterStore(database.db);
    await store.index(letter, new Date('2025-07-04T15:00:01.000Z'));
    const [indexed] = await store.find();
    expect(indexed?.errorMessage).toBe(
      'value is not JSON: Unexpected token \uFFFD in "{"a":\uFFFD}"',
    );
    expect(Buffer.from(indexed?.value ?? '', 'base64')).toEqual(value);
  });
});
