import type { Article, ContentLevel } from '@depeche/article';
import { firstPublished, versionTime } from '../article-times';
import { reaches } from '../content-reach';
import { isEmbargoed } from '../embargo';
import { publicationStatus } from '../publication-status';
import { singleLine } from '../text/xml-safe-text';
import { instant } from '../time/instant';
import { rfc3339 } from '../time/rfc3339';
import { element, textElement, type XmlNode } from '../xml/xml-node';

/**
 * NewsML-G2 `itemMeta`, children in the order of the schema's ItemManagementGroup: itemClass,
 * provider, versionCreated, firstCreated, embargoed, pubStatus, ..., edNote, ..., signal, ...,
 * expires, ...; then link.
 */
export function itemMetaElement(article: Article, level: ContentLevel, now: Date): XmlNode {
  return element('itemMeta', {}, [
    element('itemClass', { qcode: 'ninat:text' }),
    element('provider', {}, [textElement('name', singleLine(article.provider))]),
    textElement('versionCreated', rfc3339(versionTime(article))),
    textElement('firstCreated', rfc3339(firstPublished(article))),
    // Only while the embargo holds: once lifted, the item is simply usable.
    isEmbargoed(article, now) &&
      article.embargoUntil !== undefined &&
      textElement('embargoed', rfc3339(instant(article.embargoUntil, 'embargoUntil'))),
    element('pubStatus', { qcode: `stat:${publicationStatus(article, now)}` }),
    article.correctionNote ? textElement('edNote', article.correctionNote) : undefined,
    signalElement(article),
    article.rights.expiresAt !== undefined &&
      textElement('expires', rfc3339(instant(article.rights.expiresAt, 'rights.expiresAt'))),
    reaches(level, 'full') &&
      article.images.map((image) =>
        element('link', {
          rel: 'irel:seeAlso',
          href: image.url,
          contenttype: image.mediaType,
          title: image.caption,
        }),
      ),
  ]);
}

/** IPTC Signal NewsCodes (http://cv.iptc.org/newscodes/signal/): what a receiver must do with this version. */
function signalElement(article: Article): XmlNode | undefined {
  switch (article.change) {
    case 'updated':
      return element('signal', { qcode: 'sig:update' });
    case 'corrected':
      return element('signal', { qcode: 'sig:correction' });
    case 'published':
    case 'withdrawn':
      // A first version needs no signal; a withdrawal is said by pubStatus stat:canceled.
      return undefined;
  }
}
