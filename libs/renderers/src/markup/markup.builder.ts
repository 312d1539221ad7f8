import { XMLBuilder } from 'fast-xml-parser';
import type { Markup } from '../xml/markup';
import { ATTRIBUTE_PREFIX, type XmlNode } from '../xml/xml-node';

/**
 * Writes body markup that is both XHTML (well-formed XML, for NewsML-G2 `inlineXML`) and HTML
 * (for RSS `content:encoded`, Atom `type="html"`, JSON Feed, ninjs), the "polyglot" subset:
 * - no indentation: this is mixed content, and every added newline would be text;
 * - `br` and `img` as `<br/>`; every other element with an end tag even when empty, since an HTML
 *   parser reads `<p/>` or `<a/>` as an unclosed start tag;
 * - the builder's own escapes (`&amp; &lt; &gt; &quot; &apos;`): all five are HTML5 named references
 *   too, and the HTML parsers the tests read back with (libxml2's, feedparser's) know `&apos;`.
 */
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  format: false,
  suppressEmptyNode: false,
  unpairedTags: ['br', 'img'],
  suppressUnpairedNode: false,
  suppressBooleanAttributes: false,
  processEntities: true,
});

export function buildMarkup(nodes: readonly XmlNode[]): Markup {
  return builder.build(nodes) as Markup;
}
