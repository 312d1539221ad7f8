import { defaultTreeAdapter, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';

export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlFragment = DefaultTreeAdapterTypes.DocumentFragment;

/**
 * The body is parsed as the inner HTML of a <div>, which is where a page puts it: the "in body"
 * insertion mode, so stray table parts and <html>/<body> tags are dropped as a browser drops them.
 */
const BODY_CONTEXT = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

export function parseBodyFragment(markup: string): HtmlFragment {
  return parseFragment(BODY_CONTEXT, markup, {});
}

export function isElement(node: HtmlNode): node is HtmlElement {
  return defaultTreeAdapter.isElementNode(node);
}

export function isText(node: HtmlNode): node is DefaultTreeAdapterTypes.TextNode {
  return defaultTreeAdapter.isTextNode(node);
}

export function isHtml(element: HtmlElement): boolean {
  return element.namespaceURI === html.NS.HTML;
}

/** An attribute without a namespace (`xlink:href` is not `href`). */
export function attribute(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && !a.namespace)?.value;
}

/** Array#push(...items) throws RangeError past some 100,000 items; a body can hold that many. */
export function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
