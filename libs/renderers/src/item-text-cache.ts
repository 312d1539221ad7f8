import type { Article, ContentLevel } from '@depeche/article';

/**
 * An item's text as it stands in its feed document, per story version and content level. A feed
 * is rebuilt at every change it may show; rendering its fifty unchanged items again each time was
 * most of feed-api's work at 200 changes a second. A version is a new Article object, so the cache
 * is keyed on it weakly and goes when nothing holds the version any more.
 */
export class ItemTextCache {
  private readonly texts = new WeakMap<Article, Partial<Record<ContentLevel, string>>>();

  constructor(private readonly render: (article: Article, level: ContentLevel) => string) {}

  get(article: Article, level: ContentLevel): string {
    let byLevel = this.texts.get(article);
    if (byLevel === undefined) {
      byLevel = {};
      this.texts.set(article, byLevel);
    }
    return (byLevel[level] ??= this.render(article, level));
  }
}

/**
 * The part of `document` from the first `start` to the last `end`: an element rendered inside
 * wrappers of its own, so the builder indents it as in the feed, cut out with its indentation.
 */
export function between(document: string, start: string, end: string): string {
  return document.slice(document.indexOf(start), document.lastIndexOf(end));
}
