import { createPostgresTestDatabase, type TestDatabase } from '@depeche/testing';
import { migrate, PostgresDatabase, type Migration } from '.';

const SLOW: Migration = {
  id: '0001-slow',
  postgres: 'SELECT pg_sleep(0.6)',
  sqlite: 'SELECT 1',
};
const NEXT: Migration = {
  id: '0002-next',
  postgres: 'CREATE TABLE after_the_wait (id TEXT PRIMARY KEY)',
  sqlite: 'CREATE TABLE after_the_wait (id TEXT PRIMARY KEY)',
};

/**
 * The pool's statement and lock timeouts are for OLTP work. A migration may run longer (an index
 * on a large table), and a process starting beside one that migrates waits for it: neither must
 * fail a start-up. Here the timeouts are 200 ms and the migration and the wait take 600 ms.
 */
describe('migrations on PostgreSQL', () => {
  let test: TestDatabase;
  let short: PostgresDatabase;

  beforeAll(async () => {
    test = await createPostgresTestDatabase();
    const url = (test.env as { DATABASE_URL: string }).DATABASE_URL;
    short = new PostgresDatabase(url, { max: 2, statement_timeout: 200, lock_timeout: 200 });
  });

  afterAll(async () => {
    await short.close();
    await test.drop();
  });

  it('outlast the pool’s statement timeout, which still holds for other work', async () => {
    await expect(short.query('SELECT pg_sleep(0.6)')).rejects.toThrow(/statement timeout/);
    expect(await migrate(short, [SLOW])).toEqual(['0001-slow']);
  });

  it('wait for another process’s migration longer than the pool’s lock timeout', async () => {
    let release: () => void = () => undefined;
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another process in the middle of migrating: it holds the migration lock for 600 ms.
    const other = test.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242001)');
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await isLocked;
    const ours = migrate(short, [SLOW, NEXT]);
    setTimeout(() => release(), 600);
    expect(await ours).toEqual(['0002-next']);
    await other;
  });
});
