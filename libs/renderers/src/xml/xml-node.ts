/**
 * Nodes in fast-xml-parser's `preserveOrder` shape, the only input our XML builders take: an element
 * is `{ name: children, ':@': { '@_attr': value } }`, a text node `{ '#text': value }`. The builder
 * writes every tag and every escape; nothing here produces XML text.
 */
export type XmlNode = Readonly<Record<string, unknown>>;

/** Attribute values; `undefined` leaves the attribute out. Always strings: the builder writes a bare name for `true`. */
export type XmlAttributes = Readonly<Record<string, string | undefined>>;

/** Children may be absent (`false`, `undefined`, `null`) or nested lists, so optional parts read inline. */
export type XmlChild = XmlNode | false | null | undefined | readonly XmlChild[];

export const ATTRIBUTE_PREFIX = '@_';

export function element(
  name: string,
  attributes: XmlAttributes = {},
  children: readonly XmlChild[] = [],
): XmlNode {
  const present = Object.entries(attributes).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const node: Record<string, unknown> = { [name]: flatten(children) };
  if (present.length > 0) {
    node[':@'] = Object.fromEntries(present.map(([key, value]) => [ATTRIBUTE_PREFIX + key, value]));
  }
  return node;
}

export function text(value: string): XmlNode {
  return { '#text': value };
}

/** An element holding only text, the most common shape. */
export function textElement(name: string, value: string, attributes: XmlAttributes = {}): XmlNode {
  return element(name, attributes, [text(value)]);
}

function flatten(children: readonly XmlChild[]): XmlNode[] {
  return children.flatMap((child): XmlNode[] => {
    if (child === false || child === null || child === undefined) return [];
    if (Array.isArray(child)) return flatten(child as readonly XmlChild[]);
    return [child as XmlNode];
  });
}
