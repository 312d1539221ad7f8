import type { BlockNode, InlineNode } from '../article';
import type { HtmlElement, HtmlNode } from './html-tree';

/**
 * Beyond this nesting an element's text is kept without its structure: real articles stay far
 * below it, and a hostile body of thousands of nested tags cannot exhaust the stack.
 */
export const MAX_DEPTH = 100;

/** What one sanitisation shares while it walks the tree. */
export interface Walk {
  readonly base: URL;
  readonly blockBearing: ReadonlySet<HtmlElement>;
  /** Nodes already used elsewhere: a figure's <img> and <figcaption>. */
  readonly consumed: Set<HtmlNode>;
  /** Figures made from images inside inline content, placed after the block that held them. */
  readonly hoisted: BlockNode[];
}

export interface Scope {
  readonly depth: number;
  /** Inside a kept link: links do not nest, so an inner <a> is only its text. */
  readonly inLink: boolean;
}

/** Marks of inline elements that held blocks (`<b><p>…</p></b>`), applied to each block's text. */
export type Wrap = (children: InlineNode[]) => InlineNode[];

export interface BlockScope extends Scope {
  readonly wrap?: Wrap;
}
