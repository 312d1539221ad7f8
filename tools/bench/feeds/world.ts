import { articleGuid, type Article } from '@depeche/article';
import { ArticleStore, migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import { sampleArticle, sampleEntitlement, type TestDatabase } from '@depeche/testing';
import { randomUUID } from 'node:crypto';

export const PROVIDER = 'webradio media';
export const CHANNEL = 'all';

/** The sample article with its own id, headline, URL and time (one minute apart, newest first). */
export function seedArticle(index: number): Article {
  const id = `bench-seed-${index}`;
  const time = new Date(Date.UTC(2025, 6, 4, 14, 30) - index * 60_000).toISOString();
  return sampleArticle({
    id,
    guid: articleGuid(PROVIDER, id),
    headline: `${sampleArticle().headline} (${index})`,
    canonicalUrl: `https://webradio-media.example/international/bench-${index}`,
    firstPublishedAt: time,
    updatedAt: time,
  });
}

/**
 * Migrates, writes `count` sample-sized stories through ArticleStore.storeBatch (ingest's own write
 * path, change log included), and makes a partner with a key and a channel `all` over its
 * entitlement. Returns the key.
 */
export async function seedWorld(database: TestDatabase, count: number): Promise<string> {
  await migrate(database.db, MIGRATIONS);
  const store = new ArticleStore(database.db);
  for (let first = 0; first < count; first += 100) {
    const batch = Array.from({ length: Math.min(100, count - first) }, (_, i) =>
      seedArticle(count - 1 - (first + i)),
    );
    await store.storeBatch(
      batch.map((article) => ({
        eventId: randomUUID(),
        article,
        receivedAt: new Date().toISOString(),
      })),
      (incoming) => ({
        topic: 'syndication.items',
        key: incoming.article.id,
        value: '{}',
        headers: {},
      }),
    );
  }
  const partners = new PartnerStore(database.db);
  await partners.createPartner({
    id: 'bench-partner',
    name: 'Bench partner',
    entitlement: sampleEntitlement(),
  });
  await partners.defineChannel({
    slug: CHANNEL,
    partnerId: 'bench-partner',
    title: 'Bench partner — all',
    filter: { sections: [], keywords: [], languages: [] },
  });
  return (await partners.issueKey('bench-partner')).key;
}
