import type { InlineNode } from '../article';
import { kindOf } from './element-kinds';
import { figureOfImage } from './figure-image';
import { append, isElement, isText, type HtmlElement, type HtmlNode } from './html-tree';
import { BREAK, textLeaf } from './inline-text';
import { innerScope, markOf } from './marks';
import { flatText } from './tree-scan';
import { MAX_DEPTH, type Scope, type Walk } from './walk';

/**
 * The content of a block that holds only inline content (p, headings, list items, captions), not
 * yet tidied. A block-level element inside one (`<li><p>a</p><p>b</p></li>`, a nested list) is a
 * line break on each side, the way it would start a new line on screen; an image is moved out to
 * a figure after the block, as the model has no images inside text.
 */
export function inlineContent(nodes: readonly HtmlNode[], walk: Walk, scope: Scope): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (walk.consumed.has(node)) continue;
    if (isText(node)) out.push(textLeaf(node.value));
    else if (isElement(node)) append(out, inlineElement(node, walk, scope));
  }
  return out;
}

export function inlineElement(element: HtmlElement, walk: Walk, scope: Scope): InlineNode[] {
  if (scope.depth >= MAX_DEPTH) return [textLeaf(flatText(element))];
  const kind = kindOf(element);
  switch (kind) {
    case 'dropped':
      return [];
    case 'image':
      append(walk.hoisted, figureOfImage(element, walk.base));
      return [];
    case 'block':
    case 'container': {
      const out = [BREAK];
      append(out, inlineContent(element.childNodes, walk, { ...scope, depth: scope.depth + 1 }));
      out.push(BREAK);
      return out;
    }
    case 'inline': {
      if (element.tagName === 'br') return [BREAK];
      const mark = markOf(element, walk.base, scope);
      const children = inlineContent(element.childNodes, walk, innerScope(element, scope, mark));
      return mark ? [mark(children)] : children;
    }
  }
}
