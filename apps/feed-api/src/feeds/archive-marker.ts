import { toRenditionOf } from './rendition-bytes';
import type { Rendition } from '@depeche/renderers';

/** RFC 5005 §4.2: the namespace of the feed history elements. */
export const FEED_HISTORY_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/**
 * RFC 5005 §4.2: an archive document MUST carry `fh:archive`. The renderers have no switch for it
 * yet (their Channel has prevArchiveUrl, not an archive flag), so it is added here: one constant
 * element, no data in it, right after the start tag of atom:feed or the RSS channel, where both
 * grammars allow foreign elements (RFC 4287 Appendix B interleaves extension elements with the
 * feed's metadata, ahead of the entries). To move into the renderers when they grow the flag.
 */
export function markArchived(rendition: Rendition, format: 'rss' | 'atom'): Rendition {
  const text = rendition.body.toString('utf8');
  const anchor = format === 'atom' ? /<feed\b[^>]*>/ : /<channel>/;
  const match = anchor.exec(text);
  if (!match) return rendition;
  const at = match.index + match[0].length;
  const marker = `<fh:archive xmlns:fh="${FEED_HISTORY_NAMESPACE}"/>`;
  return toRenditionOf(text.slice(0, at) + marker + text.slice(at), rendition);
}
