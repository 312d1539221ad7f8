import type { Article } from '@depeche/article';
import { renderNewsmlItem, renderNinjs } from '@depeche/renderers';

export interface RenditionHash {
  readonly format: string;
  /** The strong ETag the feed API and the distributor serve for exactly these bytes. */
  readonly etag: string;
}

/**
 * The item renditions of one version at full level, as of when it was received: renderers are
 * pure and deterministic, so the same version gives the same hash the partners were sent, and a
 * newsroom can match it against what a partner holds.
 */
export function renditionHashes(article: Article, receivedAt: string): RenditionHash[] {
  const now = new Date(receivedAt);
  const input = { article, level: 'full' as const, now };
  return [
    { format: 'newsml-g2', etag: renderNewsmlItem(input).etag },
    { format: 'ninjs', etag: renderNinjs(input).etag },
  ];
}
