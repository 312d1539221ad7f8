import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  type TestDatabase,
} from '@depeche/testing';
import { migrate, pendingMigrations, type Migration } from '.';

/**
 * better-sqlite3's native module keeps the error class of the first jest test file that loaded it,
 * so its errors are not `instanceof Error` in later files: match the message instead of toThrow().
 */
const CONSTRAINT_VIOLATION = expect.stringMatching(
  /UNIQUE constraint|PRIMARY KEY|duplicate key/i,
) as string;

const FRENCH = 'Sergueï Tikhanovski, Svetlana Tikhanovskaïa : « Bélarus » ’ ù ê\u00a0— 🇧🇾';

const NOTES: Migration = {
  id: '0001-test-notes',
  postgres: `CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, version INTEGER NOT NULL, urgent BOOLEAN NOT NULL);
CREATE INDEX notes_version ON notes (version);`,
  sqlite: `CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL, version INTEGER NOT NULL, urgent INTEGER NOT NULL);
CREATE INDEX notes_version ON notes (version);`,
};

describe.each([
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
])('%s', (_name, create: () => Promise<TestDatabase>) => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await create();
  });

  afterAll(async () => {
    await test.drop();
  });

  it('applies a migration once, even when two runs race', async () => {
    const runs = await Promise.all([migrate(test.db, [NOTES]), migrate(test.db, [NOTES])]);
    expect(runs.flat()).toEqual(['0001-test-notes']);
    expect(await pendingMigrations(test.db, [NOTES])).toEqual([]);
  });

  it('round-trips rows with their text byte-exact', async () => {
    const changed = await test.db.execute(
      'INSERT INTO notes (id, body, version, urgent) VALUES ($1, $2, $3, $4), ($5, $6, $7, $8)',
      ['a', FRENCH, 1, true, 'b', 'plain', 2, false],
    );
    expect(changed).toBe(2);
    const rows = await test.db.query<{ id: string; body: string; version: number }>(
      'SELECT id, body, version FROM notes ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'a', body: FRENCH, version: 1 },
      { id: 'b', body: 'plain', version: 2 },
    ]);
    expect(Buffer.from(rows[0]?.body ?? '', 'utf8').equals(Buffer.from(FRENCH, 'utf8'))).toBe(true);
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await tx.execute('UPDATE notes SET version = 99 WHERE id = $1', ['a']);
        await tx.execute('INSERT INTO notes (id, body, version, urgent) VALUES ($1, $2, $3, $4)', [
          'a', // duplicate key: the whole transaction must go
          'again',
          3,
          false,
        ]);
      }),
    ).rejects.toMatchObject({ message: CONSTRAINT_VIOLATION });
    const [row] = await test.db.query<{ version: number }>(
      'SELECT version FROM notes WHERE id = $1',
      ['a'],
    );
    expect(row?.version).toBe(1);
  });

  it('commits a transaction that succeeds', async () => {
    const result = await test.db.transaction(async (tx) => {
      await tx.execute('UPDATE notes SET version = version + 1 WHERE id = $1', ['b']);
      return tx.query<{ version: number }>('SELECT version FROM notes WHERE id = $1', ['b']);
    });
    expect(result).toEqual([{ version: 3 }]);
    expect(await test.db.query('SELECT version FROM notes WHERE id = $1', ['b'])).toEqual([
      { version: 3 },
    ]);
  });
});
