import type { BlockNode, InlineNode } from '../article';
import { BlockSink } from './block-sink';
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
 * kept, containers are unwrapped into their blocks, and loose inline content between blocks
 * becomes paragraphs.
 */
export function blockContent(nodes: readonly HtmlNode[], walk: Walk, scope: Scope): BlockNode[] {
  const sink = new BlockSink(walk);
  collectBlocks(nodes, walk, scope, sink);
  sink.flush();
  return sink.blocks;
}

function collectBlocks(
  nodes: readonly HtmlNode[],
  walk: Walk,
  scope: BlockScope,
  sink: BlockSink,
): void {
  let inline: InlineNode[] = [];
  const release = (): void => {
    if (inline.length > 0) sink.addInline(scope.wrap ? scope.wrap(inline) : inline);
    inline = [];
  };
  for (const node of nodes) {
    if (walk.consumed.has(node)) continue;
    if (isText(node)) {
      inline.push(textLeaf(node.value));
      continue;
    }
    // Comments (and with them HTML's bogus <![CDATA[…]]>) are not content.
    if (!isElement(node)) continue;
    if (scope.depth >= MAX_DEPTH) {
      inline.push(textLeaf(flatText(node)));
      continue;
    }
    const kind = kindOf(node);
    if (kind === 'dropped') continue;
    if (kind === 'inline' && !walk.blockBearing.has(node)) {
      append(inline, inlineElement(node, walk, scope));
      continue;
    }
    release();
    if (kind === 'inline') {
      // An inline element holding blocks (`<b><p>…</p></b>`) lends its mark to their text.
      collectBlocks(node.childNodes, walk, markedScope(node, walk, scope), sink);
    } else {
      sink.flush();
      const inner = { depth: scope.depth + 1, inLink: scope.inLink };
      sink.addBlocks(blockOf(node, kind, walk, inner).map((b) => wrapBlock(b, scope.wrap)));
    }
  }
  release();
}

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
      // Containers: div, section, table cells…
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
