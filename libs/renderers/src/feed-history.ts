import type { Channel } from './channel';
import { element, type XmlNode } from './xml/xml-node';

/** RFC 5005 §4.2: the namespace of the feed history elements. */
export const FEED_HISTORY_NAMESPACE = 'http://purl.org/syndication/history/1.0';

/**
 * RFC 5005 §4.2: an archive document MUST carry `fh:archive`, an empty element. It goes among the
 * feed's (Atom) or channel's (RSS) own elements, ahead of the entries, where both grammars allow
 * foreign elements (RFC 4287 Appendix B interleaves extension elements with the feed's metadata).
 */
export function archiveMarker(channel: Channel): XmlNode[] {
  return channel.archived ? [element('fh:archive', { 'xmlns:fh': FEED_HISTORY_NAMESPACE })] : [];
}
