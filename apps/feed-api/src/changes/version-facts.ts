import type { Article } from '@depeche/article';
import type { FeedReadModel } from '@depeche/persistence';
import { Lru } from '../cache/lru';

/** One version of one story. */
export interface VersionRef {
  readonly articleId: string;
  readonly version: number;
}

/**
 * A version with the text emptied: what the entitlement rules and a change entry read (sections,
 * language, rights, embargo, guid), a small fraction of the 8 KB document. Still an
 * Article, so the rules take it as they are, whatever metadata they read.
 */
export function factsOf(article: Article): Article {
  return { ...article, body: [], bodyText: '', standfirst: '', images: [], subjects: [] };
}

/**
 * The facts of versions the change stream reads, cached: a stored version never changes, so each
 * document is read and parsed once per process (while it stays among the `capacity` most recently
 * used), not on every read of the stream by every partner.
 */
export class VersionFacts {
  private readonly cache: Lru<Article>;

  constructor(
    private readonly readModel: Pick<FeedReadModel, 'versionsOf'>,
    capacity: number,
  ) {
    this.cache = new Lru(capacity);
  }

  /** The facts of each version named, keyed by `versionKey`; versions the store lacks are absent. */
  async of(refs: readonly VersionRef[]): Promise<Map<string, Article>> {
    const found = new Map<string, Article>();
    const missing = new Map<string, VersionRef>();
    for (const ref of refs) {
      const key = versionKey(ref.articleId, ref.version);
      const cached = this.cache.get(key);
      if (cached) found.set(key, cached);
      else missing.set(key, ref);
    }
    if (missing.size === 0) return found;
    for (const article of await this.readModel.versionsOf([...missing.values()])) {
      const facts = factsOf(article);
      const key = versionKey(article.id, article.version);
      this.cache.set(key, facts);
      found.set(key, facts);
    }
    return found;
  }
}

export function versionKey(articleId: string, version: number): string {
  return `${version}@${articleId}`;
}
