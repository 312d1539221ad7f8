import type { BlockNode, InlineNode } from '../article';

/**
 * The body as plain text: each paragraph, heading and list item a block of its own, blocks
 * separated by a blank line, <br> a line break. A figure is an image, which plain text cannot
 * show, so its caption is left out too (and does not count as words).
 */
export function bodyToPlainText(blocks: readonly BlockNode[]): string {
  return textBlocks(blocks).join('\n\n');
}

function textBlocks(blocks: readonly BlockNode[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.type) {
      case 'p':
      case 'h2':
      case 'h3':
      case 'h4':
        return [inlineText(block.children)];
      case 'blockquote':
        return textBlocks(block.children);
      case 'ul':
      case 'ol':
        return block.items.map(inlineText);
      case 'figure':
        return [];
    }
  });
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.text;
        case 'br':
          return '\n';
        case 'em':
        case 'strong':
        case 'a':
          return inlineText(node.children);
      }
    })
    .join('');
}
