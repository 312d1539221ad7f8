import { isElement, isHtml, type HtmlElement, type HtmlNode } from './html-tree';

/**
 * What the sanitiser does with an element:
 * - `dropped`: removed with everything inside (code, embeds, metadata, form controls, and any
 *   element outside the HTML namespace, which can only come from <svg> or <math>);
 * - `block`: one of the allowed blocks (p, h1–h6, blockquote, ul, ol, figure);
 * - `image`: an <img>, which becomes a figure;
 * - `container`: not allowed, but lays its content out as blocks, so it is unwrapped and its loose
 *   text becomes paragraphs (div, section, table cells…);
 * - `inline`: everything else, unwrapped where it is not one of the allowed marks.
 */
export type ElementKind = 'dropped' | 'block' | 'image' | 'container' | 'inline';

const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'applet',
  'param',
  'noscript',
  'noembed',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'area',
  'form',
  'input',
  'button',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'output',
  'dialog',
  'slot',
]);

const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'figure',
]);

/** Elements a browser lays out as blocks (WHATWG HTML §15.3 "The CSS user agent style sheet"). */
const CONTAINERS = new Set([
  'address',
  'article',
  'aside',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'footer',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'plaintext',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'xmp',
]);

export function kindOf(element: HtmlElement): ElementKind {
  const tag = element.tagName;
  if (!isHtml(element) || DROPPED.has(tag)) return 'dropped';
  if (tag === 'img') return 'image';
  if (BLOCKS.has(tag)) return 'block';
  if (CONTAINERS.has(tag)) return 'container';
  return 'inline';
}

export function isBlockLevel(node: HtmlNode): boolean {
  if (!isElement(node)) return false;
  const kind = kindOf(node);
  return kind === 'block' || kind === 'image' || kind === 'container';
}
