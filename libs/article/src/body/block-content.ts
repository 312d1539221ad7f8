import type { BlockNode, InlineNode } from '../article';
import { kindOf, type ElementKind } from './element-kinds';
import { figureBlock } from './figure-block';
import { figureOfImage } from './figure-image';
import { append, isElement, isText, type HtmlElement, type HtmlNode } from './html-tree';
import { inlineContent, inlineElement } from './inline-content';
import { hasVisibleText, textLeaf } from './inline-text';
import { splitParagraphs, tidyLine } from './inline-tidy';
import { listBlock } from './list-block';
import { innerScope, markOf } from './marks';
import { flatText } from './tree-scan';
import { MAX_DEPTH, type BlockScope, type Scope, type Walk } from './walk';
import { withMark, wrapBlock } from './wrap-block';

/**
 * Block context (the body itself, blockquote, div and the other containers): allowed blocks are
 * kept, containers are unwrapped into their blocks, and each run of loose inline content between
 * blocks becomes paragraphs, as a browser lays it out in anonymous block boxes.
 */
export function blockContent(nodes: readonly HtmlNode[], walk: Walk, scope: BlockScope): BlockNode[] {
  const out: BlockNode[] = [];
  let run: InlineNode[] = [];
  const drainHoisted = (): void => append(out, walk.hoisted.splice(0));
  const flush = (): void => {
    const paragraphs = splitParagraphs(run).map((children): BlockNode => ({ type: 'p', children }));
    append(out, paragraphs.map((p) => wrapBlock(p, scope.wrap)));
    run = [];
    drainHoisted();
  };
  for (const node of nodes) {
    if (walk.consumed.has(node)) continue;
    if (isText(node)) {
      run.push(textLeaf(node.value));
      continue;
    }
    // Comments (and with them HTML's bogus <![CDATA[…]]>) are not content.
    if (!isElement(node)) continue;
    if (scope.depth >= MAX_DEPTH) {
      run.push(textLeaf(flatText(node)));
      continue;
    }
    const kind = kindOf(node);
    if (kind === 'dropped') continue;
    if (kind === 'inline' && !walk.blockBearing.has(node)) {
      append(run, inlineElement(node, walk, scope));
      continue;
    }
    flush();
    if (kind === 'inline') {
      append(out, blockContent(node.childNodes, walk, markedScope(node, walk, scope)));
    } else {
      const inner = { depth: scope.depth + 1, inLink: scope.inLink };
      append(out, blockOf(node, kind, walk, inner).map((b) => wrapBlock(b, scope.wrap)));
    }
    drainHoisted();
  }
  flush();
  return out;
}

/** An inline element that holds blocks lends its mark to the text of each of them. */
function markedScope(element: HtmlElement, walk: Walk, scope: BlockScope): BlockScope {
  const mark = markOf(element, walk.base, scope);
  const inner = innerScope(element, scope, mark);
  const wrap = mark ? withMark(scope.wrap, mark) : scope.wrap;
  return wrap ? { ...inner, wrap } : inner;
}

function blockOf(element: HtmlElement, kind: ElementKind, walk: Walk, scope: Scope): BlockNode[] {
  if (kind === 'image') return figureOfImage(element, walk.base);
  switch (element.tagName) {
    case 'p':
      return splitParagraphs(inlineContent(element.childNodes, walk, scope)).map((children) => ({
        type: 'p',
        children,
      }));
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return heading(element, walk, scope);
    case 'blockquote': {
      const children = blockContent(element.childNodes, walk, scope);
      return children.length > 0 ? [{ type: 'blockquote', children }] : [];
    }
    case 'ul':
    case 'ol':
      return listBlock(element, element.tagName, walk, scope);
    case 'figure': {
      const figure = figureBlock(element, walk, scope);
      const rest = blockContent(element.childNodes, walk, scope);
      return figure ? [figure, ...rest] : rest;
    }
    default:
      return blockContent(element.childNodes, walk, scope);
  }
}

/**
 * The page's <h1> is the headline, so a heading in the body starts at h2; h5 and h6 are h4, the
 * deepest level the model keeps.
 */
const LEVELS: Readonly<Record<string, 'h2' | 'h3' | 'h4'>> = {
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
};

function heading(element: HtmlElement, walk: Walk, scope: Scope): BlockNode[] {
  const children = tidyLine(inlineContent(element.childNodes, walk, scope));
  const type = LEVELS[element.tagName] ?? 'h4';
  return hasVisibleText(children) ? [{ type, children }] : [];
}
