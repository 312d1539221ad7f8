import type { InlineNode } from '../article';
import { replaceC1Controls } from '../text/windows-1252';
import { mayNeedCleaning, removeNonXmlCharacters } from '../text/xml-characters';

export const BREAK: InlineNode = { type: 'br' };

/**
 * A text leaf as parse5 decoded it, with characters no output can carry removed (see
 * normalizeText). Form feed is HTML whitespace, so it becomes a space the tidy step collapses,
 * rather than vanishing and gluing two words. NFC waits until leaves are merged.
 */
export function textLeaf(value: string): InlineNode {
  const text = mayNeedCleaning(value)
    ? removeNonXmlCharacters(replaceC1Controls(value.replace(/\f/g, ' ')))
    : value;
  return { type: 'text', text };
}

/** Holds something a reader sees: U+00A0 alone (`<p>&nbsp;</p>`, a CMS spacer) does not count. */
export function hasVisibleText(nodes: readonly InlineNode[]): boolean {
  return nodes.some((node) => {
    switch (node.type) {
      case 'text':
        return /\S/u.test(node.text);
      case 'br':
        return false;
      case 'em':
      case 'strong':
      case 'a':
        return hasVisibleText(node.children);
    }
  });
}
