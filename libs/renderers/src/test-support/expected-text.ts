import type { BlockNode, InlineNode } from '@depeche/article';

/**
 * What a reader must get for a text we gave the renderers, written apart from the renderers' own
 * cleaning so that a mistake there shows: every code point outside XML 1.0 `Char`, plus DEL and the
 * C1 controls, removed; CR and CRLF read as LF (XML 1.0 §2.11).
 */
export function expectedText(text: string): string {
  let kept = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    const allowed =
      code === 0x9 ||
      code === 0xa ||
      code === 0xd ||
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (allowed) kept += character;
  }
  return kept.split('\r\n').join('\n').split('\r').join('\n');
}

/**
 * The texts an HTML reader finds in the body, in the order of its p, h2-h4, li and figcaption
 * elements (`br` adds no text: it is an element, not a character).
 */
export function expectedBlocks(body: readonly BlockNode[]): string[] {
  return body.flatMap((block): string[] => {
    switch (block.type) {
      case 'p':
      case 'h2':
      case 'h3':
      case 'h4':
        return [inlineText(block.children)];
      case 'blockquote':
        return expectedBlocks(block.children);
      case 'ul':
      case 'ol':
        return block.items.map(inlineText);
      case 'figure':
        return block.caption ? [inlineText(block.caption)] : [];
    }
  });
}

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return expectedText(node.text);
        case 'br':
          return '';
        case 'em':
        case 'strong':
        case 'a':
          return inlineText(node.children);
      }
    })
    .join('');
}

/**
 * Python's `str.strip()`, which feedparser applies to every text it reads: the characters for which
 * `str.isspace()` is true, at both ends.
 */
export function pythonStrip(text: string): string {
  const space =
    '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
  return text.replace(new RegExp(`^${space}+|${space}+$`, 'gu'), '');
}

/** An instant as feedparser reports it: UTC, to the second. */
export function toSecond(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
