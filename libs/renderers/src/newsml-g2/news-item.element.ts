import type { Article, ContentLevel } from '@depeche/article';
import { effectiveLevel, reaches } from '../content-reach';
import { xhtmlDocument } from '../markup/xhtml-document';
import { element, type XmlNode } from '../xml/xml-node';
import { embeddedMarkup, MARKUP_CONTAINER } from '../xml/xml-document';
import { contentMetaElement } from './content-meta';
import { itemMetaElement } from './item-meta';
import { IPTC_CATALOG, NAR_NAMESPACE, STANDARD_VERSION } from './newsml-g2.constants';
import { rightsInfoElement } from './rights-info';

/**
 * One NewsML-G2 `newsItem` (AnyItemType: catalogRef, rightsInfo, itemMeta; then contentMeta and
 * contentSet). It declares its namespace even inside a newsMessage, so a receiver can split the
 * message into standalone items without touching them. Expects a cleaned article.
 */
export function newsItemElement(article: Article, level: ContentLevel, now: Date): XmlNode {
  const shown = effectiveLevel(article, level);
  return element(
    'newsItem',
    {
      xmlns: NAR_NAMESPACE,
      guid: article.guid,
      version: String(article.version),
      standard: 'NewsML-G2',
      standardversion: STANDARD_VERSION,
      conformance: 'power',
      'xml:lang': article.language,
    },
    [
      element('catalogRef', { href: IPTC_CATALOG }),
      rightsInfoElement(article),
      itemMetaElement(article, shown, now),
      contentMetaElement(article, shown),
      reaches(shown, 'full') &&
        element('contentSet', {}, [
          element(MARKUP_CONTAINER, { contenttype: 'application/xhtml+xml' }, [
            embeddedMarkup(xhtmlDocument(article)),
          ]),
        ]),
    ],
  );
}
