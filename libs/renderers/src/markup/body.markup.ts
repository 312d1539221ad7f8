import type { BlockNode, InlineNode } from '@depeche/article';
import { element, text, type XmlNode } from '../xml/xml-node';

/** The body tree as XHTML elements (no namespace: the caller's container decides it). */
export function blockElements(blocks: readonly BlockNode[]): XmlNode[] {
  return blocks.map(blockElement);
}

function blockElement(block: BlockNode): XmlNode {
  switch (block.type) {
    case 'p':
    case 'h2':
    case 'h3':
    case 'h4':
      return element(block.type, {}, inlineElements(block.children));
    case 'blockquote':
      return element('blockquote', {}, blockElements(block.children));
    case 'ul':
    case 'ol':
      return element(
        block.type,
        {},
        block.items.map((item) => element('li', {}, inlineElements(item))),
      );
    case 'figure':
      return element('figure', {}, [
        element('img', {
          src: block.image.src,
          alt: block.image.alt,
          width: block.image.width?.toString(),
          height: block.image.height?.toString(),
        }),
        block.caption && element('figcaption', {}, inlineElements(block.caption)),
      ]);
  }
}

function inlineElements(nodes: readonly InlineNode[]): XmlNode[] {
  return nodes.map(inlineElement);
}

function inlineElement(node: InlineNode): XmlNode {
  switch (node.type) {
    case 'text':
      return text(node.text);
    case 'em':
    case 'strong':
      return element(node.type, {}, inlineElements(node.children));
    case 'a':
      return element('a', { href: node.href }, inlineElements(node.children));
    case 'br':
      return element('br');
  }
}
