import type { Article } from '@depeche/article';
import { xmlSafeText } from './text/xml-safe-text';

/**
 * The story's slug. The model has no slug field, so this is the last path segment of the canonical
 * URL, which is the slug the publisher's CMS chose (`.../loukachenko-appelle-a-normaliser-...`).
 */
export function slugOf(article: Article): string | undefined {
  try {
    const segments = new URL(article.canonicalUrl).pathname.split('/').filter(Boolean);
    const last = segments[segments.length - 1];
    // Decoding can bring back what cleaning removed (`%00`), so clean again.
    return last === undefined ? undefined : xmlSafeText(safeDecode(last));
  } catch {
    return undefined;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
