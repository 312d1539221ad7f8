import { createPostgresTestDatabase, type TestDatabase } from '@depeche/testing';

/**
 * A transaction whose connection the server drops between two statements (a restart, a terminated
 * backend) fails like any transient fault, for the caller to retry; the process lives on, and the
 * next transaction gets a healthy connection.
 */
describe('a PostgreSQL transaction that loses its connection', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
  });

  afterAll(() => database.drop());

  it('rejects, and the database serves the next transaction', async () => {
    const failed = database.db.transaction(async (tx) => {
      const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      // From another connection of the pool, as an operator or a server restart would.
      await database.db.query('SELECT pg_terminate_backend($1)', [row?.pid ?? 0]);
      // Idle in the transaction while the loss arrives: the client emits 'error' now.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.query('SELECT 1 AS ok');
    });
    await expect(failed).rejects.toThrow();
    const [after] = await database.db.transaction((tx) =>
      tx.query<{ ok: number }>('SELECT 1 AS ok'),
    );
    expect(after?.ok).toBe(1);
  });
});
