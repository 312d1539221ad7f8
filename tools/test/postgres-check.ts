import { Client } from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The integration tier needs a PostgreSQL server. When none answers, fail at once with how to
 * start one: never skip those tests silently.
 */
export async function assertPostgresReachable(
  url = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL,
): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      [
        `PostgreSQL does not answer at ${redact(url)}: ${(error as Error).message}`,
        'The integration tests need a real PostgreSQL server (trust auth, a role that may CREATE DATABASE).',
        'Start the local one with:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
        'or point TEST_DATABASE_URL at another server, e.g. postgres://user:pass@host:5432/postgres',
      ].join('\n'),
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
