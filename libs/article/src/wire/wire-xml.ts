import { PermanentError } from '@depeche/contracts';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuseMarkupDeclarations } from './markup-declarations';

/** fast-xml-parser's ordered tree: `{ tag: children, ':@': { '@attr': value } }` or `{ '#text': … }`. */
export type XmlNode = Record<string, unknown>;

const ATTR = '@';

/**
 * Agency XML is parsed with DTDs and entity declarations refused outright, wherever the parser
 * would read one: no billion laughs, no external entities, nothing fetched. Only XML's own
 * entities and character references are decoded.
 */
export function parseWireXml(text: string): XmlNode[] {
  refuseMarkupDeclarations(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new PermanentError(
      'invalid-xml',
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`,
    );
  }
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Decodes numeric character references (&#233;); no DTD is allowed to define anything else.
    htmlEntities: true,
  }).parse(text) as XmlNode[];
}

export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

export function childrenOf(node: XmlNode | undefined): XmlNode[] {
  const tag = node && tagOf(node);
  return tag ? ((node[tag] as XmlNode[] | undefined) ?? []) : [];
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const attrs = node?.[':@'] as Record<string, string> | undefined;
  return attrs?.[ATTR + name];
}

export function find(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((n) => tagOf(n) === tag);
}

export function findAll(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.filter((n) => tagOf(n) === tag);
}

/** Follows a path of tags from `nodes`: path(root, 'itemMeta', 'pubStatus'). */
export function path(nodes: readonly XmlNode[], ...tags: string[]): XmlNode | undefined {
  let current: XmlNode | undefined;
  let level = nodes;
  for (const tag of tags) {
    current = find(level, tag);
    if (!current) return undefined;
    level = childrenOf(current);
  }
  return current;
}

/**
 * Text the parser decoded, as the JSON contract carries text: each '&' written `&amp;`.
 * Normalisation decodes character references in every text field (a CMS's JSON may hold
 * `&eacute;`), so XML's `&amp;lt;` (the text "&lt;") came out as "<", decoded twice.
 */
function asContractText(decoded: string): string {
  return decoded.split('&').join('&amp;');
}

/** The text content of an element, all descendants concatenated, as contract text. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return '';
  if ('#text' in node) return asContractText(String(node['#text']));
  return childrenOf(node).map(textOf).join('');
}

/** An attribute that becomes a text field (a name, a section), as contract text: see textOf. */
export function textAttr(node: XmlNode | undefined, name: string): string | undefined {
  const value = attr(node, name);
  return value === undefined ? undefined : asContractText(value);
}

/** The element's children as markup again, for the HTML sanitiser (which parses it properly). */
export function innerMarkup(node: XmlNode | undefined): string {
  if (!node) return '';
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: ATTR,
    suppressEmptyNode: true,
  });
  const markup: string = builder.build(childrenOf(node));
  return markup;
}

/** Renames elements throughout a subtree (NITF's hl2 is XHTML's h2), leaving the input untouched. */
export function renameTags(
  nodes: readonly XmlNode[],
  names: Readonly<Record<string, string>>,
): XmlNode[] {
  return nodes.map((node) => {
    const tag = tagOf(node);
    if (!tag) return node;
    const renamed: XmlNode = { [names[tag] ?? tag]: renameTags(childrenOf(node), names) };
    if (node[':@']) renamed[':@'] = node[':@'];
    return renamed;
  });
}
