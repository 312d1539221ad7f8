import type { Article } from '@depeche/article';
import { versionTime } from '../article-times';
import { rfc3339 } from '../time/rfc3339';
import { element } from '../xml/xml-node';
import type { XmlNode } from '../xml/xml-node';

/** RFC 6721 §2: the Atom Tombstones namespace. */
export const TOMBSTONE_NAMESPACE = 'http://purl.org/atompub/tombstones/1.0';

/** RFC 6721 §2.1: `ref` is the atom:id of the deleted entry (our guid), `when` the deletion time. */
export function deletedEntryElement(article: Article): XmlNode {
  return element('at:deleted-entry', { ref: article.guid, when: rfc3339(versionTime(article)) });
}
