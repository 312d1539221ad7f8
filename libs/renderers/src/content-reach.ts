import type { Article, ContentLevel } from '@depeche/article';

const RANK: Readonly<Record<ContentLevel, number>> = { headline: 0, summary: 1, full: 2 };

/** Whether a rendition at `level` carries what `wanted` adds (summary: standfirst; full: body, images). */
export function reaches(level: ContentLevel, wanted: ContentLevel): boolean {
  return RANK[level] >= RANK[wanted];
}

/** A withdrawn story keeps its identity and status but no text: it must not be republished. */
export function effectiveLevel(article: Article, level: ContentLevel): ContentLevel {
  return article.change === 'withdrawn' ? 'headline' : level;
}
