import type { Article } from '@depeche/article';

/** The byline as one string (NewsML-G2 `by`, ninjs `by`): the authors' names, comma-separated. */
export function byline(article: Article): string | undefined {
  const names = article.authors.map((author) => author.name).filter((name) => name.trim() !== '');
  return names.length > 0 ? names.join(', ') : undefined;
}
