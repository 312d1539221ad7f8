/**
 * Whether some start or end tag in `markup` holds more than `max` attributes, read the way HTML's
 * tokenizer reads them (names end at whitespace, `/`, `>` or `=`; values are quoted or end at
 * whitespace or `>`). parse5 compares each new attribute's name with all the tag's earlier ones
 * to drop duplicates, so one tag of 40,000 attributes (270 KB) takes it four seconds. One pass:
 * text is skipped with indexOf, quoted values likewise. It may count a tag-like string inside a
 * script or a comment too; no article holds one of hundreds of attributes there either.
 */
export function tagWithMoreAttributesThan(markup: string, max: number): boolean {
  const length = markup.length;
  let at = markup.indexOf('<');
  while (at !== -1 && at < length) {
    // End tags too: HTML's tokenizer reads (and parse5 deduplicates) their attributes as well.
    const name = markup.charCodeAt(at + 1) === 0x2f /* / */ ? at + 2 : at + 1;
    if (!isAsciiAlpha(markup.charCodeAt(name))) {
      at = markup.indexOf('<', at + 1);
      continue;
    }
    at = skipWhile(markup, name, (c) => !isSpace(c) && c !== 0x2f && c !== 0x3e);
    let attributes = 0;
    for (;;) {
      at = skipWhile(markup, at, (c) => isSpace(c) || c === 0x2f);
      if (at >= length || markup.charCodeAt(at) === 0x3e /* > */) break;
      // A name: its first character may be `=` (a parse error HTML keeps as part of the name).
      at = skipWhile(markup, at + 1, (c) => !isSpace(c) && c !== 0x2f && c !== 0x3e && c !== 0x3d);
      if (++attributes > max) return true;
      const afterName = skipWhile(markup, at, isSpace);
      if (markup.charCodeAt(afterName) !== 0x3d /* = */) continue;
      at = skipWhile(markup, afterName + 1, isSpace);
      const quote = markup.charCodeAt(at);
      if (quote === 0x22 || quote === 0x27) {
        const close = markup.indexOf(String.fromCharCode(quote), at + 1);
        if (close === -1) return false;
        at = close + 1;
      } else {
        at = skipWhile(markup, at, (c) => !isSpace(c) && c !== 0x3e);
      }
    }
    at = markup.indexOf('<', at);
  }
  return false;
}

function skipWhile(markup: string, from: number, test: (c: number) => boolean): number {
  let at = from;
  while (at < markup.length && test(markup.charCodeAt(at))) at++;
  return at;
}

/** HTML's whitespace in tags: tab, LF, FF, CR and space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function isAsciiAlpha(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}
