import type { Article } from '@depeche/article';
import { strongEtag, xmlSafeText, type Rendition } from '@depeche/renderers';
import { XMLBuilder } from 'fast-xml-parser';

export const SITEMAP_MEDIA_TYPE = 'application/xml; charset=utf-8';
/** Google News sitemaps list articles of the last two days, at most 1,000 per sitemap. */
export const SITEMAP_WINDOW_MS = 48 * 60 * 60 * 1000;
export const SITEMAP_MAX_URLS = 1_000;

const SITEMAP_NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NAMESPACE = 'http://www.google.com/schemas/sitemap-news/0.9';

/** processEntities escapes & < > ' " in text, so no hostile headline can break the document. */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  processEntities: true,
});

/**
 * Google News requires an ISO 639 code, except for Chinese, which is `zh-cn` or `zh-tw`
 * (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
 */
export function newsLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0] ?? lower;
}

/**
 * A Google News sitemap of the given stories (the caller picks them: public, last 48 h, ≤ 1,000).
 * Last-Modified: the newest version listed, or `changedAt` (the view changing otherwise) if later.
 */
export function renderNewsSitemap(
  articles: readonly Article[],
  publication: string,
  now: Date,
  changedAt?: Date,
): Rendition {
  const urls = articles.map((article) => ({
    loc: xmlSafeText(article.canonicalUrl),
    'news:news': {
      'news:publication': {
        'news:name': xmlSafeText(publication),
        'news:language': newsLanguage(article.language),
      },
      'news:publication_date': new Date(article.firstPublishedAt).toISOString(),
      'news:title': xmlSafeText(article.headline),
    },
  }));
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    urlset: { '@_xmlns': SITEMAP_NAMESPACE, '@_xmlns:news': NEWS_NAMESPACE, url: urls },
  });
  const body = Buffer.from(xml, 'utf8');
  const times = articles.map((article) => new Date(article.updatedAt).getTime());
  if (changedAt !== undefined) times.push(changedAt.getTime());
  return {
    body,
    mediaType: SITEMAP_MEDIA_TYPE,
    etag: strongEtag(body),
    lastModified: times.length === 0 ? now : new Date(Math.max(...times)),
  };
}
