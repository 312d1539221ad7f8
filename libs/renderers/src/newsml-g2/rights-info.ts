import type { Article } from '@depeche/article';
import { singleLine } from '../text/xml-safe-text';
import { element, textElement, type XmlNode } from '../xml/xml-node';

/** NewsML-G2 `rightsInfo` (RightsInfoType: accountable?, copyrightHolder?, then notices and terms). */
export function rightsInfoElement(article: Article): XmlNode {
  const { copyrightHolder, copyrightNotice, usageTerms } = article.rights;
  return element('rightsInfo', {}, [
    element('copyrightHolder', {}, [textElement('name', singleLine(copyrightHolder))]),
    textElement('copyrightNotice', copyrightNotice),
    usageTerms !== undefined && textElement('usageTerms', usageTerms),
  ]);
}
