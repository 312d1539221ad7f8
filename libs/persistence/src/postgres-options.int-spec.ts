import { createPostgresTestDatabase, type TestDatabase } from '@depeche/testing';
import { PostgresDatabase } from '.';

/** What the server says of a connection made with options in its URL. */
describe('a PostgreSQL URL with options of its own', () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createPostgresTestDatabase();
  });

  afterAll(() => test.drop());

  it('keeps them and depeche’s jit=off', async () => {
    const url = new URL((test.env as { DATABASE_URL: string }).DATABASE_URL);
    url.searchParams.set('options', '-c application_name=from-the-url');
    const db = new PostgresDatabase(url.toString(), { max: 1 });
    try {
      const [row] = await db.query<{ jit: string; name: string }>(
        "SELECT current_setting('jit') AS jit, current_setting('application_name') AS name",
      );
      expect(row).toEqual({ jit: 'off', name: 'from-the-url' });
    } finally {
      await db.close();
    }
  });
});
