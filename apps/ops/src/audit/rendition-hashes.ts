import type { Article } from '@depeche/article';
import { renderNewsmlItem, renderNinjs } from '@depeche/renderers';

export interface RenditionHash {
  readonly format: string;
  /** The strong ETag the feed API and the distributor serve for exactly these bytes. */
  readonly etag: string;
  /** For a version received under embargo: which partners hold these bytes. */
  readonly held?: 'before the lift (early delivery)' | 'from the lift';
}

/**
 * The item renditions of one version at full level: renderers are pure and deterministic, so the
 * same version gives the same hash the partners were sent, and a newsroom can match it against
 * what a partner holds. A version received under embargo has two: as of its receipt (withheld,
 * what partners taking early delivery got) and as of the lift (usable, what the others got, and
 * what every partner's copy reads once it lifts). Only the first was shown, and it matched no
 * copy a partner waiting for the lift holds.
 */
export function renditionHashes(article: Article, receivedAt: string): RenditionHash[] {
  const received = new Date(receivedAt);
  const lift = article.embargoUntil === undefined ? undefined : new Date(article.embargoUntil);
  if (lift === undefined || !(lift > received)) return hashesAt(article, received);
  return [
    ...hashesAt(article, received).map((h) => ({
      ...h,
      held: 'before the lift (early delivery)' as const,
    })),
    ...hashesAt(article, lift).map((h) => ({ ...h, held: 'from the lift' as const })),
  ];
}

function hashesAt(article: Article, now: Date): RenditionHash[] {
  const input = { article, level: 'full' as const, now };
  return [
    { format: 'newsml-g2', etag: renderNewsmlItem(input).etag },
    { format: 'ninjs', etag: renderNinjs(input).etag },
  ];
}
