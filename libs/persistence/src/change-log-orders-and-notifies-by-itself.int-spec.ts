import { createPostgresTestDatabase, type TestDatabase } from '@depeche/testing';
import { Client } from 'pg';
import { CHANGES_LOCK, MIGRATIONS, migrate, PostgresDatabase } from '.';
import { CHANGES_CHANNEL } from './change-notifications';

const INSERT_CHANGE = `INSERT INTO article_changes (article_id, version, change, recorded_at)
  VALUES ($1, 1, 'published', '2026-11-29T12:00:00.000Z') RETURNING seq`;

/** Settles to 'pending' if `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), ms))]);
}

/**
 * A plain INSERT into article_changes, with no lock or NOTIFY of its own, on PostgreSQL: the
 * triggers of migration 0008 make writers commit in seq order and tell feed-api's listeners.
 */
describe('the change log on PostgreSQL', () => {
  let test: TestDatabase;
  let url: string;
  const clients: Client[] = [];

  async function connection(): Promise<Client> {
    const client = new Client({ connectionString: url });
    clients.push(client);
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    test = await createPostgresTestDatabase();
    url = (test.env as { DATABASE_URL: string }).DATABASE_URL;
    const db = new PostgresDatabase(url, { max: 1 });
    try {
      await migrate(db, MIGRATIONS);
    } finally {
      await db.close();
    }
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await test.drop();
  });

  it('holds a second writer until the first commits, so seq values commit in order', async () => {
    const first = await connection();
    const second = await connection();
    await first.query('BEGIN');
    const [mine] = (await first.query<{ seq: string }>(INSERT_CHANGE, ['first'])).rows;
    await second.query('BEGIN');
    const blocked = second.query<{ seq: string }>(INSERT_CHANGE, ['second']);
    expect(await within(blocked, 500)).toBe('pending');
    await first.query('COMMIT');
    const [theirs] = (await blocked).rows;
    await second.query('COMMIT');
    expect(Number(theirs?.seq)).toBeGreaterThan(Number(mine?.seq));
  });

  it('takes the same lock a writer takes by name (CHANGES_LOCK)', async () => {
    const holder = await connection();
    const writer = await connection();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(${CHANGES_LOCK})`);
    const insert = writer.query(INSERT_CHANGE, ['third']);
    expect(await within(insert, 500)).toBe('pending');
    await holder.query('COMMIT');
    expect((await insert).rowCount).toBe(1);
  });

  it('notifies the listeners once the insert commits, and not when it rolls back', async () => {
    const listener = await connection();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    const writer = await connection();

    await writer.query('BEGIN');
    await writer.query(INSERT_CHANGE, ['rolled-back']);
    await writer.query('ROLLBACK');
    await writer.query('BEGIN');
    await writer.query(INSERT_CHANGE, ['committed']);
    await writer.query(INSERT_CHANGE, ['committed-too']);
    expect(heard).toEqual([]);
    await writer.query('COMMIT');
    // A notification arrives on the listener's own connection, after the commit.
    for (let waited = 0; heard.length === 0 && waited < 5_000; waited += 20) {
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([CHANGES_CHANNEL]);
  });
});
