import type { SqlDatabase } from '@depeche/persistence';

/** Counts that prove "exactly once" in the store. */
export async function storeCounts(
  db: SqlDatabase,
): Promise<{ events: number; versions: number; stale: number; articles: number }> {
  const count = async (sql: string): Promise<number> =>
    Number((await db.query<{ n: string | number }>(sql))[0]?.n ?? 0);
  return {
    events: await count('SELECT COUNT(*) AS n FROM processed_events'),
    versions: await count('SELECT COUNT(*) AS n FROM article_versions'),
    stale: await count('SELECT COUNT(*) AS n FROM article_versions WHERE stale = true'),
    articles: await count('SELECT COUNT(*) AS n FROM articles'),
  };
}
