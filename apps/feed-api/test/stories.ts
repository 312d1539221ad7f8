import { articleGuid, type Article } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';

/** A story of the sample's shape with its own id, sections, language and rights. */
export function story(
  id: string,
  overrides: Partial<Article> & { allowed?: readonly string[]; denied?: readonly string[] } = {},
): Article {
  const { allowed = [], denied = [], ...rest } = overrides;
  const base = sampleArticle();
  return sampleArticle({
    id,
    guid: articleGuid('webradio media', id),
    headline: `Headline of ${id}`,
    canonicalUrl: `https://webradio-media.example/stories/${id}`,
    rights: { ...base.rights, allowedTerritories: allowed, deniedTerritories: denied },
    ...rest,
  });
}

/** The next version of a story, `minutes` later. */
export function nextVersion(
  article: Article,
  minutes: number,
  overrides: Partial<Article> = {},
): Article {
  const updatedAt = new Date(
    new Date(article.updatedAt).getTime() + minutes * 60_000,
  ).toISOString();
  return { ...article, version: article.version + 1, change: 'updated', updatedAt, ...overrides };
}

interface JsonFeedDocument {
  items: { id: string; title: string; content_html?: string; content_text?: string }[];
}

/** The guids of a JSON Feed response, in order. */
export async function jsonFeedIds(response: Response): Promise<string[]> {
  const feed = (await response.json()) as JsonFeedDocument;
  return feed.items.map((item) => item.id);
}

export async function jsonFeedItems(response: Response): Promise<JsonFeedDocument['items']> {
  return ((await response.json()) as JsonFeedDocument).items;
}
