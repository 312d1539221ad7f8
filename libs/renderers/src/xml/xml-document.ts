import { XMLBuilder } from 'fast-xml-parser';
import type { Markup } from './markup';
import { ATTRIBUTE_PREFIX, element, text, type XmlNode } from './xml-node';

/**
 * The element whose content is embedded as built markup instead of being escaped as text
 * (NewsML-G2 `inlineXML`, which holds an XHTML document).
 */
export const MARKUP_CONTAINER = 'inlineXML';

/**
 * One builder for every XML document. Escaping: `processEntities` turns & < > ' " into entities in
 * text and attributes alike, so `]]>` in text comes out as `]]&gt;` and no CDATA is ever needed.
 * `suppressBooleanAttributes: false` because the default writes a bare attribute name for `true`,
 * which is not XML. `format` indents element-only content; mixed content (body markup) is built
 * apart without indentation and embedded through `stopNodes`, because indenting it would change
 * the text (the builder puts a newline before every child element).
 */
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
  stopNodes: [`..${MARKUP_CONTAINER}`],
});

const declaration: XmlNode = {
  '?xml': [text('')],
  ':@': { [`${ATTRIBUTE_PREFIX}version`]: '1.0', [`${ATTRIBUTE_PREFIX}encoding`]: 'UTF-8' },
};

/** A UTF-8 XML document: the declaration, then the root element. */
export function xmlDocument(root: XmlNode): string {
  return builder.build([declaration, root]);
}

/** The content of a {@link MARKUP_CONTAINER} element: markup that the markup builder has already written. */
export function embeddedMarkup(markup: Markup): XmlNode {
  return text(markup);
}

/**
 * The XML of `node` as it stands inside elements named `wrappers` (outermost first) of a document,
 * with its leading newline and indentation: built inside them so the builder indents it as there,
 * then cut out. Feeds splice such pieces between their own parts (see item-text-cache.ts).
 */
export function xmlAtDepth(node: XmlNode, wrappers: readonly string[]): string {
  const tree = wrappers.reduceRight<XmlNode>((inner, name) => element(name, {}, [inner]), node);
  const document = xmlDocument(tree);
  const depth = wrappers.length;
  // The wrappers' own tags sit at lesser indentation: the first tag at this depth is the node's.
  const start = document.indexOf(`\n${'  '.repeat(depth)}<`);
  const end = document.lastIndexOf(`\n${'  '.repeat(depth - 1)}</${wrappers[depth - 1] ?? ''}>`);
  return document.slice(start, end);
}
