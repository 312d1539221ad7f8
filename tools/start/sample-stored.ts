import { ArticleStore, SqliteDatabase } from '@depeche/persistence';

/** Waits until ingest has stored the sample in the shared SQLite file; returns its headline. */
export async function waitForStoredSample(
  sqlitePath: string,
  id: string,
  timeoutMs = 60_000,
): Promise<string> {
  const db = new SqliteDatabase(sqlitePath);
  try {
    const store = new ArticleStore(db);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const stored = await store.current(id).catch(() => undefined); // the table may not exist yet
      if (stored) return `v${stored.article.version} « ${stored.article.headline} »`;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`ingest did not store ${id} within ${timeoutMs / 1000} s`);
  } finally {
    await db.close();
  }
}
