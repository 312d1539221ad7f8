import type { Article } from '@depeche/article';
import { instant } from './instant';

/**
 * "After this time the story may no longer be used" (Rights.expiresAt): from that instant on it
 * is hidden, the mirror of an embargo that lifts at its instant.
 */
export function rightsExpired(article: Article, now: Date): boolean {
  const expiresAt = article.rights.expiresAt;
  return (
    expiresAt !== undefined && instant(expiresAt, 'rights.expiresAt').getTime() <= now.getTime()
  );
}
