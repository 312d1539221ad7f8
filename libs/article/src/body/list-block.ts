import type { BlockNode, InlineNode } from '../article';
import { isElement, isHtml, type HtmlElement, type HtmlNode } from './html-tree';
import { inlineContent } from './inline-content';
import { hasVisibleText } from './inline-text';
import { tidyLine } from './inline-tidy';
import type { Scope, Walk } from './walk';

/**
 * A list of one-line items. Content a list holds outside any <li> (text, a stray <div>) becomes
 * an item of its own rather than being lost; empty items go, and a list left without items too.
 */
export function listBlock(
  element: HtmlElement,
  type: 'ul' | 'ol',
  walk: Walk,
  scope: Scope,
): BlockNode[] {
  const items: InlineNode[][] = [];
  let loose: HtmlNode[] = [];
  const flushLoose = (): void => {
    if (loose.length > 0) items.push(tidyLine(inlineContent(loose, walk, scope)));
    loose = [];
  };
  for (const child of element.childNodes) {
    if (isElement(child) && isHtml(child) && child.tagName === 'li') {
      flushLoose();
      items.push(tidyLine(inlineContent(child.childNodes, walk, scope)));
    } else loose.push(child);
  }
  flushLoose();
  const kept = items.filter(hasVisibleText);
  return kept.length > 0 ? [{ type, items: kept }] : [];
}
