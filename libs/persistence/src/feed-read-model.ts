import type { Article } from '@depeche/article';
import { chunks, queryIn } from './sql-batch';
import type { SqlDatabase } from './sql-database';

/** A current story as the feed API reads it: the canonical document and when the store took it. */
export interface FeedArticle {
  readonly article: Article;
  readonly storedAt: string;
}

interface DocumentRow {
  document: string;
  stored_at: string;
}

/**
 * The read side of the article store for the feed API: current stories newest first (feed order is
 * the version time, so an update or a correction brings a story back to the top where pollers look),
 * single stories and single versions. Every document carries what the entitlement rules read
 * (sections, language, rights, embargo, withdrawal), so no other column is needed.
 */
export class FeedReadModel {
  constructor(private readonly db: SqlDatabase) {}

  /** The `limit` most recently updated current stories, withdrawn ones included (they leave feeds by rule). */
  async latest(limit: number): Promise<FeedArticle[]> {
    const rows = await this.db.query<DocumentRow>(
      'SELECT document, stored_at FROM articles ORDER BY updated_at DESC, article_id LIMIT $1',
      [limit],
    );
    return rows.map(toFeedArticle);
  }

  /**
   * The current stories after (`updatedAt`, `articleId`) in feed order (newest version first, the
   * id breaking ties): the next `limit` beyond a story, for reading on past the in-memory window.
   */
  async updatedBefore(updatedAt: string, articleId: string, limit: number): Promise<FeedArticle[]> {
    const rows = await this.db.query<DocumentRow>(
      `SELECT document, stored_at FROM articles
       WHERE updated_at <= $1 AND NOT (updated_at = $1 AND article_id <= $2)
       ORDER BY updated_at DESC, article_id LIMIT $3`,
      [updatedAt, articleId, limit],
    );
    return rows.map(toFeedArticle);
  }

  /**
   * Current stories first published in [from, to), newest version first: an archive page's
   * candidates; `after` the last story of the previous read, to read on.
   */
  async publishedBetween(
    from: string,
    to: string,
    limit: number,
    after?: { readonly updatedAt: string; readonly articleId: string },
  ): Promise<FeedArticle[]> {
    const rows = await this.db.query<DocumentRow>(
      `SELECT document, stored_at FROM articles
       WHERE first_published_at >= $1 AND first_published_at < $2
         ${after ? 'AND updated_at <= $4 AND NOT (updated_at = $4 AND article_id <= $5)' : ''}
       ORDER BY updated_at DESC, article_id LIMIT $3`,
      after ? [from, to, limit, after.updatedAt, after.articleId] : [from, to, limit],
    );
    return rows.map(toFeedArticle);
  }

  /** The first-publication times before `before`, newest first: where the previous archive page is. */
  async publishedBefore(before: string, limit: number): Promise<FeedArticle[]> {
    const rows = await this.db.query<DocumentRow>(
      `SELECT document, stored_at FROM articles WHERE first_published_at < $1
       ORDER BY first_published_at DESC, article_id LIMIT $2`,
      [before, limit],
    );
    return rows.map(toFeedArticle);
  }

  async current(articleId: string): Promise<FeedArticle | undefined> {
    const [row] = await this.db.query<DocumentRow>(
      'SELECT document, stored_at FROM articles WHERE article_id = $1',
      [articleId],
    );
    return row && toFeedArticle(row);
  }

  /** The current version of each story named, in no particular order; unknown ids are left out. */
  async currentOf(articleIds: readonly string[]): Promise<FeedArticle[]> {
    const rows = await queryIn<DocumentRow>(
      this.db,
      [...new Set(articleIds)],
      (list) => `SELECT document, stored_at FROM articles WHERE article_id IN (${list})`,
    );
    return rows.map(toFeedArticle);
  }

  /** One version as received; stale versions too (they are versions the story had). */
  async version(articleId: string, version: number): Promise<FeedArticle | undefined> {
    const [row] = await this.db.query<{ document: string; received_at: string }>(
      'SELECT document, received_at FROM article_versions WHERE article_id = $1 AND version = $2',
      [articleId, version],
    );
    return row && toFeedArticle({ document: row.document, stored_at: row.received_at });
  }

  /**
   * The documents of the versions named, in no particular order; unknown ones are left out. One
   * statement per 200 versions (400 bound values), on the primary key of article_versions.
   */
  async versionsOf(
    versions: readonly { readonly articleId: string; readonly version: number }[],
  ): Promise<Article[]> {
    const found: Article[] = [];
    for (const chunk of chunks(versions)) {
      const where = chunk
        .map((_, i) => `(article_id = $${2 * i + 1} AND version = $${2 * i + 2})`)
        .join(' OR ');
      const rows = await this.db.query<{ document: string }>(
        `SELECT document FROM article_versions WHERE ${where}`,
        chunk.flatMap(({ articleId, version }) => [articleId, version]),
      );
      for (const row of rows) found.push(JSON.parse(row.document) as Article);
    }
    return found;
  }

  /** Readiness: the database answers. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1 AS ok');
  }
}

function toFeedArticle(row: DocumentRow): FeedArticle {
  return { article: JSON.parse(row.document) as Article, storedAt: row.stored_at };
}
