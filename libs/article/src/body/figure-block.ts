import type { BlockNode } from '../article';
import { hasVisibleText } from './inline-text';
import { kindOf } from './element-kinds';
import { figureImage } from './figure-image';
import { isElement, isHtml, type HtmlElement } from './html-tree';
import { inlineContent } from './inline-content';
import { tidyLine } from './inline-tidy';
import { findElement } from './tree-scan';
import type { Scope, Walk } from './walk';

/**
 * A <figure>'s first usable image (however deep: <picture>, a link around it) with the text of
 * its <figcaption> child. Both are marked consumed; the caller walks what else the figure holds.
 * Without a usable image there is no figure: it is a container like <div>, which keeps the text
 * of `<figure><blockquote>…</blockquote><figcaption>…</figcaption></figure>` quotations.
 */
export function figureBlock(element: HtmlElement, walk: Walk, scope: Scope): BlockNode | undefined {
  const img = findElement(
    element,
    (e) =>
      kindOf(e) === 'image' && !walk.consumed.has(e) && figureImage(e, walk.base) !== undefined,
  );
  const image = img && figureImage(img, walk.base);
  if (!img || !image) return undefined;
  walk.consumed.add(img);
  const figcaption = element.childNodes.find(
    (child): child is HtmlElement =>
      isElement(child) && isHtml(child) && child.tagName === 'figcaption',
  );
  if (!figcaption) return { type: 'figure', image };
  walk.consumed.add(figcaption);
  const caption = tidyLine(inlineContent(figcaption.childNodes, walk, scope));
  return hasVisibleText(caption) ? { type: 'figure', image, caption } : { type: 'figure', image };
}
