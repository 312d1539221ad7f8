import { defaultTreeAdapter, html, parseFragment } from 'parse5';

/**
 * A <textarea> puts parse5's tokenizer in RCDATA state (WHATWG HTML §13.2.5.2): character
 * references are decoded exactly as browsers decode them (`&eacute;`, `&#233;`, `&#146;` → ’,
 * legacy `&copy` without a semicolon), while `<` is only text. Since nothing was opened by a start
 * tag, not even `</textarea>` can end it, so every character of a plain-text field stays text.
 * parse5's own parser is used rather than the `entities` package it depends on: `entities` is not
 * a dependency of this project, only of parse5.
 */
const RCDATA_CONTEXT = defaultTreeAdapter.createElement('textarea', html.NS.HTML, []);

/** Decodes HTML character references in plain text; also turns CR LF and lone CR into LF. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&') && !text.includes('\r')) return text;
  return parseFragment(RCDATA_CONTEXT, text, {})
    .childNodes.map((node) => (defaultTreeAdapter.isTextNode(node) ? node.value : ''))
    .join('');
}
