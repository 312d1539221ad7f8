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
        channel: pushChannel(article, publicBaseUrl),
        level,
        now,
      });
    case 'atom':
      return renderAtom({
        articles: [article],
        channel: pushChannel(article, publicBaseUrl),
        level,
        now,
      });
  }
}

/**
 * The canceled state of a story for a partner it left (a revocation): what identifies the story
 * (id, guid, version, canonical URL), nothing of the version it may not see: neither headline
 * nor text nor where the story went (sections, keywords, subjects, place).
 */
export function revokedArticle(article: Article, now: Date): Article {
  const {
    dateline: _dateline,
    location: _location,
    correctionNote: _note,
    embargoUntil: _embargo,
    ...kept
  } = article;
  return {
    ...kept,
    change: 'withdrawn',
    withdrawnAt: now.toISOString(),
    headline: '',
    standfirst: '',
    body: [],
    bodyText: '',
    wordCount: 0,
    sections: [],
    keywords: [],
    subjects: [],
    images: [],
  };
}

function pushChannel(article: Article, publicBaseUrl: string): DocumentChannel {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return {
    id: `urn:depeche:push:${article.id}`,
    title: article.headline || article.id,
    description: `${article.provider}: ${article.id}, version ${article.version}`,
    language: article.language,
    link: article.canonicalUrl,
    // feed-api serves this very version at that URL (issue 5).
    selfUrl: `${base}/v1/items/${encodeURIComponent(article.id)}/versions/${article.version}`,
    publisher: article.provider,
    generator: GENERATOR,
  };
}
