import {
  defaultTreeAdapter,
  html,
  Parser,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type TreeAdapter,
} from 'parse5';
import { NormalisationError } from '../normalisation-error';
import { tagWithMoreAttributesThan } from './attribute-count';

export type HtmlNode = DefaultTreeAdapterTypes.ChildNode;
export type HtmlElement = DefaultTreeAdapterTypes.Element;
export type HtmlFragment = DefaultTreeAdapterTypes.DocumentFragment;

/**
 * The body is parsed as the inner HTML of a <div>, which is where a page puts it: the "in body"
 * insertion mode, so stray table parts and <html>/<body> tags are dropped as a browser drops them.
 */
const BODY_CONTEXT = defaultTreeAdapter.createElement('div', html.NS.HTML, []);

/** Bounds on what makes parse5 quadratic; unlimited when absent (ingest sets both). */
export interface BodyLimits {
  /** How deep elements may nest: parse5 scans its stack of open elements for each start tag. */
  readonly maxOpenElements?: number;
  /** How many attributes one tag may hold: parse5 compares each with the tag's earlier ones. */
  readonly maxAttributes?: number;
}

/**
 * The body's tree as parse5 builds it, within `limits`. Every body goes through parse5, the
 * WHATWG-conformant parser: a faster hand-written tokenizer for "plain" CMS markup (regular
 * expressions, with parse5 as the fallback) saved 0.19 ms per sample body but was a second HTML
 * parser to keep equal to the standard, which the contract rules out.
 *
 * `maxOpenElements` stops parse5 as soon as its stack of open elements grows past it, with a
 * NormalisationError on `body`. It is checked as parse5 builds the tree, not guessed by a scan of
 * the markup beforehand: HTML closes elements implicitly (`<p>`, `<li>`, scope boundaries, the
 * adoption agency), so a scan of tags either refuses sloppy but ordinary bodies or is fooled by
 * stray end tags (`<div></x>`), while parse5's own stack is exact. parse5 stops at once, so the
 * work done on a hostile body is bounded by its length times the limit. Attributes, on the other
 * hand, are counted by a scan before parse5 starts: its cost is in its tokenizer, before any tree.
 */
export function parseBodyFragment(markup: string, limits: BodyLimits = {}): HtmlFragment {
  const { maxOpenElements, maxAttributes } = limits;
  if (maxAttributes !== undefined && tagWithMoreAttributesThan(markup, maxAttributes)) {
    throw new NormalisationError(
      'body',
      `a tag holds more than ${maxAttributes} attributes; no article does, and parsing such a tag is quadratic`,
    );
  }
  return parseFragmentLinearly(
    markup,
    maxOpenElements === undefined ? defaultTreeAdapter : boundedTreeAdapter(maxOpenElements),
  );
}

/**
 * parse5's parseFragment, but the parsed nodes leave parse5's root element in one step. Its own
 * getFragment moves them one at a time with Array#splice from the front, which is quadratic in the
 * number of top-level nodes: a 1 MiB body of `<p>a` repeated (260,000 paragraphs) took 72 s, long
 * past the consumer's session timeout, and again on every redelivery. The tree is the same.
 */
function parseFragmentLinearly(
  markup: string,
  treeAdapter: TreeAdapter<DefaultTreeAdapterMap>,
): HtmlFragment {
  const parser = Parser.getFragmentParser<DefaultTreeAdapterMap>(BODY_CONTEXT, { treeAdapter });
  parser.tokenizer.write(markup, true);
  const root = defaultTreeAdapter.getFirstChild(parser.document) as HtmlElement;
  const fragment = defaultTreeAdapter.createDocumentFragment();
  fragment.childNodes = root.childNodes;
  root.childNodes = [];
  for (const child of fragment.childNodes) child.parentNode = fragment;
  return fragment;
}

function boundedTreeAdapter(maxOpenElements: number): TreeAdapter<DefaultTreeAdapterMap> {
  let open = 0;
  return {
    ...defaultTreeAdapter,
    onItemPush: () => {
      if (++open > maxOpenElements) {
        throw new NormalisationError(
          'body',
          `elements nest more than ${maxOpenElements} deep; no article does, and parsing such a body is quadratic`,
        );
      }
    },
    onItemPop: () => {
      open--;
    },
  };
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
