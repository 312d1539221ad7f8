import type { DatabaseKind } from '@depeche/config';
import { openDatabase, PartnerStore } from '@depeche/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO = 'demo';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * A demo partner entitled to the sample's section, with a channel over all it may see, and a
 * fresh key (keys are stored hashed, so an earlier run's key cannot be shown again; each expires
 * after a week). What a newcomer needs to pull a feed by hand.
 */
export async function demoPartnerKey(env: NodeJS.ProcessEnv): Promise<string> {
  const db = openDatabase({
    DATABASE_KIND: (env.DATABASE_KIND ?? 'sqlite') as DatabaseKind,
    DATABASE_URL: env.DATABASE_URL ?? '',
    SQLITE_PATH: String(env.SQLITE_PATH),
  });
  try {
    const partners = new PartnerStore(db);
    if (!(await partners.getPartner(DEMO))) {
      await partners.createPartner({
        id: DEMO,
        name: 'Demo partner',
        entitlement: {
          sections: ['international'],
          languages: [],
          territories: [],
          contentLevel: 'full',
          formats: ['rss', 'atom', 'json', 'newsml', 'ninjs'],
          embargo: 'on-lift',
        },
      });
      await partners.defineChannel({
        slug: DEMO,
        partnerId: DEMO,
        title: 'Demo: everything the demo partner may see',
        filter: { sections: [], keywords: [], languages: [] },
      });
    }
    const issued = await partners.issueKey(DEMO, { expiresAt: new Date(Date.now() + WEEK_MS) });
    return issued.key;
  } finally {
    await db.close();
  }
}

/** Waits until the demo feed, pulled with the key as a partner would, carries the sample. */
export async function waitForSampleInFeed(root: string, url: string, key: string): Promise<void> {
  const sample = JSON.parse(
    readFileSync(join(root, 'fixtures', 'sample-article.published.json'), 'utf8'),
  ) as { article: { headline: string } };
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    const response = await fetch(url, { headers: { 'X-API-Key': key } });
    const body = await response.text();
    if (response.ok && body.includes(sample.article.headline)) return;
    last = `${response.status} ${body.slice(0, 200)}`;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the demo feed ${url} does not carry the sample article; last answer: ${last}`);
}
