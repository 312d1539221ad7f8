import type { Article } from '@depeche/article';

/** Feed order: newest version first, the article id breaking ties so every process agrees. */
function newestFirst(a: Article, b: Article): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The current stories feeds are built from, in memory: the newest `capacity` by version time,
 * loaded at start and kept current from the change log. Building a feed is then a scan of this
 * list with the reader's rules, no query. Older stories are read from the database (archives).
 */
export class ArticleIndex {
  private readonly byId = new Map<string, Article>();
  private ordered: Article[] | undefined;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.byId.size;
  }

  get(id: string): Article | undefined {
    return this.byId.get(id);
  }

  /** Makes `article` current unless a newer version is held; returns the version it replaced. */
  upsert(article: Article): Article | undefined {
    const before = this.byId.get(article.id);
    if (before && before.version > article.version) return before;
    this.byId.set(article.id, article);
    this.ordered = undefined;
    return before;
  }

  /** Whether stories may lie beyond the window: it holds as many as it may (older ones dropped). */
  get full(): boolean {
    return this.newestFirst().length >= this.capacity;
  }

  /** Every story held, newest version first. */
  newestFirst(): readonly Article[] {
    if (!this.ordered) {
      this.ordered = [...this.byId.values()].sort(newestFirst);
      for (const dropped of this.ordered.splice(this.capacity)) this.byId.delete(dropped.id);
    }
    return this.ordered;
  }

  /** The first `limit` stories, newest first, that `admit` accepts. */
  collect(admit: (article: Article) => boolean, limit: number): Article[] {
    const found: Article[] = [];
    for (const article of this.newestFirst()) {
      if (found.length >= limit) break;
      if (admit(article)) found.push(article);
    }
    return found;
  }
}
