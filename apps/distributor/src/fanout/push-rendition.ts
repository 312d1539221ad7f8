import type { Article, ContentLevel } from '@depeche/article';
import {
  renderAtom,
  renderJsonFeed,
  renderNewsmlItem,
  renderNinjs,
  type Channel as DocumentChannel,
  type Rendition,
} from '@depeche/renderers';
import type { WebhookFormat } from '@depeche/persistence';

const GENERATOR = 'depeche 0.1.0';

/**
 * The document a webhook carries for one version: a NewsML-G2 newsItem, a ninjs item, or a JSON
 * Feed / Atom feed holding that one story (JSON Feed and Atom have no standalone item document;
 * a one-entry feed is what their parsers read). Rendered with the clock at which the partner may
 * see it, so the embargo marking matches the delivery time.
 */
export function renderPush(
  format: WebhookFormat,
  article: Article,
  level: ContentLevel,
  now: Date,
  publicBaseUrl: string,
): Rendition {
  switch (format) {
    case 'newsml':
      return renderNewsmlItem({ article, level, now });
    case 'ninjs':
      return renderNinjs({ article, level, now });
    case 'json':
      return renderJsonFeed({
        articles: [article],
        channel: pushChannel(article, publicBaseUrl, format),
        level,
        now,
      });
    case 'atom':
      return renderAtom({
        articles: [article],
        channel: pushChannel(article, publicBaseUrl, format),
        level,
        now,
      });
  }
}

/**
 * The canceled state of a story for a partner it left (a revocation), built from what names the
 * story and nothing of the version the partner may not see: no headline, text, language,
 * territories, place, people or URL of that version (a revocation for a language or a territory
 * would otherwise tell the partner the very fact it is not entitled to). Its link is the story's
 * item URL at feed-api, which answers that partner 404.
 */
export function revokedArticle(article: Article, now: Date, publicBaseUrl: string): Article {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const at = now.toISOString();
  return {
    id: article.id,
    guid: article.guid,
    version: article.version,
    change: 'withdrawn',
    withdrawnAt: at,
    // BCP 47 `und`: undetermined.
    language: 'und',
    headline: '',
    standfirst: '',
    body: [],
    bodyText: '',
    wordCount: 0,
    sections: [],
    keywords: [],
    subjects: [],
    authors: [],
    provider: article.provider,
    canonicalUrl: `${base}/v1/items/${encodeURIComponent(article.id)}`,
    images: [],
    rights: {
      copyrightHolder: article.provider,
      copyrightNotice: '',
      allowedTerritories: [],
      deniedTerritories: [],
    },
    firstPublishedAt: article.firstPublishedAt,
    updatedAt: at,
    urgency: article.urgency,
  };
}

function pushChannel(
  article: Article,
  publicBaseUrl: string,
  format: 'json' | 'atom',
): DocumentChannel {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    id: `urn:depeche:push:${article.id}`,
    title: article.headline || article.id,
    description: `${article.provider}: ${article.id}, version ${article.version}`,
    language: article.language,
    link: article.canonicalUrl,
    // feed-api serves this very version in this format at that URL (issue 5); the bare URL is
    // NewsML-G2, which a partner taking only Atom or JSON Feed is refused.
    selfUrl: `${base}/v1/items/${encodeURIComponent(article.id)}/versions/${article.version}?format=${format}`,
    publisher: article.provider,
    generator: GENERATOR,
  };
}
