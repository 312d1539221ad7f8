import type { Article } from '@depeche/article';

/** IPTC urgency is an integer 1..9 (NewsML-G2 Int1to9Type, ninjs `urgency`); anything else is left out. */
export function urgencyOf(article: Article): number | undefined {
  const { urgency } = article;
  return Number.isInteger(urgency) && urgency >= 1 && urgency <= 9 ? urgency : undefined;
}
