import type { BlockNode, InlineNode } from '../article';
import type { Mark } from './marks';
import type { Wrap } from './walk';

/** Adds a mark inside the marks already applied: `<a><b><p>x</p></b></a>` is a(strong(x)). */
export function withMark(outer: Wrap | undefined, mark: Mark): Wrap {
  return (children: InlineNode[]) => (outer ? outer([mark(children)]) : [mark(children)]);
}

export function wrapBlock(block: BlockNode, wrap: Wrap | undefined): BlockNode {
  if (!wrap) return block;
  switch (block.type) {
    case 'p':
    case 'h2':
    case 'h3':
    case 'h4':
      return { type: block.type, children: wrap([...block.children]) };
    case 'blockquote':
      return { type: 'blockquote', children: block.children.map((b) => wrapBlock(b, wrap)) };
    case 'ul':
    case 'ol':
      return { type: block.type, items: block.items.map((item) => wrap([...item])) };
    case 'figure':
      // The model has no linked or emphasised images.
      return block;
  }
}
