import { createPostgresTestDatabase, type TestDatabase } from '@depeche/testing';
import { migrate, MIGRATIONS } from '..';

describe('article documents on PostgreSQL', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createPostgresTestDatabase();
    await migrate(test.db, MIGRATIONS);
  });

  afterAll(async () => {
    await test.drop();
  });

  it('are compressed with lz4, the cheaper codec, where the server has it', async () => {
    const rows = await test.db.query<{ col: string; codec: string }>(
      `SELECT attrelid::regclass || '.' || attname AS col, attcompression AS codec
       FROM pg_attribute
       WHERE (attrelid, attname) IN (('article_versions'::regclass, 'document'),
                                     ('articles'::regclass, 'document'),
                                     ('outbox'::regclass, 'message_value'))
       ORDER BY 1`,
    );
    // Debian's PostgreSQL is built with lz4: 'l'. A server without it would keep '' (default).
    expect(rows).toEqual([
      { col: 'article_versions.document', codec: 'l' },
      { col: 'articles.document', codec: 'l' },
      { col: 'outbox.message_value', codec: 'l' },
    ]);
  });
});
