import type { Article } from '@depeche/article';
import type { FeedReadModel } from '@depeche/persistence';
import type { ArticleIndex } from './article-index';

const ROWS_PER_READ = 250;
/** Reads past the window at most per call: a reader who sees little does not scan the store. */
const MAX_READS = 8;

/**
 * The stories beyond the in-memory window, read from the store in the same order. The window holds
 * the newest FEED_API_WINDOW stories of the whole store, so a channel over a quiet section or a
 * narrow entitlement could find fewer than it shows there, or none: its documents read on here,
 * up to ROWS_PER_READ × MAX_READS stories past the window, only when the window came short.
 */
export class OlderStories {
  constructor(
    private readonly articles: FeedReadModel,
    private readonly index: ArticleIndex,
  ) {}

  /**
   * Up to `limit` stories older than every one in the window that `admit` accepts, newest first;
   * none when the window holds the whole store. Stops at a version time before `notBefore`.
   * `passed` sees each story read and not admitted (a caller looks for those that left its view).
   */
  async collect(
    admit: (article: Article) => boolean,
    limit: number,
    notBefore?: Date,
    passed?: (article: Article) => void,
  ): Promise<Article[]> {
    const found: Article[] = [];
    if (limit <= 0 || !this.index.full) return found;
    const held = this.index.newestFirst();
    let after = held[held.length - 1];
    const stop = notBefore?.toISOString();
    for (let read = 0; after && read < MAX_READS && found.length < limit; read++) {
      const rows = await this.articles.updatedBefore(after.updatedAt, after.id, ROWS_PER_READ);
      for (const { article } of rows) {
        if (stop !== undefined && article.updatedAt < stop) return found;
        // A story the window holds (a newer version of it came in since) is counted there.
        if (this.index.get(article.id) !== undefined) continue;
        if (admit(article)) found.push(article);
        else passed?.(article);
        if (found.length >= limit) return found;
      }
      if (rows.length < ROWS_PER_READ) break;
      after = rows[rows.length - 1]?.article;
    }
    return found;
  }
}
