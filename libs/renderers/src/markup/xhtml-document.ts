import type { Article } from '@depeche/article';
import type { Markup } from '../xml/markup';
import { element, textElement } from '../xml/xml-node';
import { blockElements } from './body.markup';
import { buildMarkup } from './markup.builder';

export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * A complete XHTML document for NewsML-G2 `inlineXML contenttype="application/xhtml+xml"`, the
 * form the IPTC NewsML-G2 Guidelines show for XHTML text content (html/head/title + body).
 */
export function xhtmlDocument(article: Article): Markup {
  return buildMarkup([
    element('html', { xmlns: XHTML_NAMESPACE, 'xml:lang': article.language }, [
      element('head', {}, [textElement('title', article.headline)]),
      element('body', {}, blockElements(article.body)),
    ]),
  ]);
}
