import { defaultTreeAdapter, html, type DefaultTreeAdapterTypes } from 'parse5';
import { decodeCharacterReferences } from '../text/character-references';
import type { HtmlFragment } from './html-tree';

type Element = DefaultTreeAdapterTypes.Element;
type Parent = DefaultTreeAdapterTypes.ParentNode;
type Attribute = Element['attrs'][number];

/**
 * The tree parse5 would build for a body written the plain way CMSs write it, without parse5's
 * character-by-character tokenizer (two thirds of the sanitiser's time). "Plain" means: a known
 * set of elements, each closed by its own end tag in order, no <p> left open around a block, no
 * nested <a> or <li>, character references that end in a semicolon, no CR or NUL. On such input
 * every rule of HTML's "in body" insertion mode reduces to pushing and popping one stack, so the
 * tree is the same, node for node, built with parse5's own tree adapter. Anything else, even
 * valid HTML, returns undefined and parse5 parses the body as before: this is a shortcut, never
 * a second opinion. A spec compares both on the sanitiser's hostile inputs and on random markup.
 */
export function parsePlainMarkup(
  markup: string,
  maxOpenElements: number,
): HtmlFragment | undefined {
  if (UNPLAIN_CHARACTERS.test(markup)) return undefined;
  const fragment = defaultTreeAdapter.createDocumentFragment();
  const open: Parent[] = [fragment];
  const names: string[] = [''];
  let at = 0;
  while (at < markup.length) {
    const lt = nextTag(markup, at);
    if (lt > at) {
      const text = decodeText(markup.slice(at, lt), false);
      if (text === undefined) return undefined;
      defaultTreeAdapter.insertText(open[open.length - 1] as Parent, text);
    }
    if (lt >= markup.length) break;
    const next = markup.charCodeAt(lt + 1);
    let end: number | undefined;
    if (next === 0x21 /* ! */) {
      end = comment(markup, lt, open[open.length - 1] as Parent);
    } else if (next === 0x2f /* / */) {
      end = endTag(markup, lt, open, names);
    } else {
      end = startTag(markup, lt, open, names);
      if (open.length > Math.min(maxOpenElements, MAX_PLAIN_DEPTH)) return undefined;
    }
    if (end === undefined) return undefined;
    at = end;
  }
  return fragment;
}

/** Beyond this the body is not plain; parse5 (and its bound on open elements) takes over. */
const MAX_PLAIN_DEPTH = 64;

/** More than this on one tag is not plain (and the duplicate check below stays cheap). */
const MAX_PLAIN_ATTRIBUTES = 32;

/** CR (which the HTML preprocessor rewrites) and NUL (which it reports and drops). */
const UNPLAIN_CHARACTERS = /[\r\0]/;

/** The next `<` that starts markup; a `<` before anything else (`a < b`, `<3`) is text. */
function nextTag(markup: string, from: number): number {
  let lt = markup.indexOf('<', from);
  while (lt !== -1) {
    const c = markup.charCodeAt(lt + 1);
    if (isAsciiAlpha(c) || c === 0x2f || c === 0x21 || c === 0x3f) return lt;
    lt = markup.indexOf('<', lt + 1);
  }
  return markup.length;
}

/** `<!--…-->` only; `<!-->`, `<!--->`, `--!>`, doctypes and bogus comments are not plain. */
function comment(markup: string, lt: number, parent: Parent): number | undefined {
  if (!markup.startsWith('<!--', lt)) return undefined;
  const close = markup.indexOf('-->', lt + 4);
  if (close === -1) return undefined;
  const data = markup.slice(lt + 4, close);
  // `<!-->` and `<!--->` end at once and `--!>` ends one too; otherwise (conditional comments,
  // `<!--` inside included) a comment ends at the first `-->` and holds what lies before it.
  if (data.startsWith('>') || data.startsWith('->') || data.includes('--!>')) return undefined;
  defaultTreeAdapter.appendChild(parent, defaultTreeAdapter.createCommentNode(data));
  return close + 3;
}

const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)[\t\n\f ]*>/y;

/** An end tag closes the current element, and only that: anything else is not plain. */
function endTag(markup: string, lt: number, open: Parent[], names: string[]): number | undefined {
  END_TAG.lastIndex = lt;
  const match = END_TAG.exec(markup);
  const name = match?.[1]?.toLowerCase();
  if (!match || name !== names[names.length - 1] || open.length === 1) return undefined;
  open.pop();
  names.pop();
  return END_TAG.lastIndex;
}

const TAG_NAME = /[a-zA-Z][a-zA-Z0-9]*/y;
const ATTRIBUTE =
  /[\t\n\f ]+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f "'<=>`]+)))?/y;
const TAG_END = /[\t\n\f ]*(\/?)>/y;

function startTag(markup: string, lt: number, open: Parent[], names: string[]): number | undefined {
  TAG_NAME.lastIndex = lt + 1;
  const match = TAG_NAME.exec(markup);
  if (!match) return undefined;
  const name = match[0].toLowerCase();
  const rule = RULES.get(name);
  if (rule === undefined || !allowedHere(name, rule, names)) return undefined;
  let at = TAG_NAME.lastIndex;
  const attrs: Attribute[] = [];
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const attribute = ATTRIBUTE.exec(markup);
    if (!attribute) break;
    const attributeName = (attribute[1] as string).toLowerCase();
    const value = decodeText(attribute[2] ?? attribute[3] ?? attribute[4] ?? '', true);
    // parse5 keeps the first of two same-named attributes; simpler to leave that case to it.
    if (value === undefined || attrs.length >= MAX_PLAIN_ATTRIBUTES) return undefined;
    if (attrs.some((a) => a.name === attributeName)) return undefined;
    attrs.push({ name: attributeName, value });
    at = ATTRIBUTE.lastIndex;
  }
  TAG_END.lastIndex = at;
  const end = TAG_END.exec(markup);
  if (!end) return undefined;
  const selfClosing = end[1] === '/';
  // HTML ignores `/>` on elements that are not void: `<div/>` stays open. Not plain.
  if (selfClosing && rule !== 'void') return undefined;
  const element = defaultTreeAdapter.createElement(name, html.NS.HTML, attrs);
  defaultTreeAdapter.appendChild(open[open.length - 1] as Parent, element);
  if (rule === 'void') return TAG_END.lastIndex;
  if (rule === 'raw') return rawText(markup, TAG_END.lastIndex, name, element);
  open.push(element);
  names.push(name);
  return TAG_END.lastIndex;
}

/**
 * Raw-text elements hold text up to their end tag. A script holding `<!--` puts HTML's
 * tokenizer in its escaped states, which end differently: not plain.
 */
function rawText(markup: string, from: number, name: string, element: Element): number | undefined {
  const closing = RAW_ENDS.get(name);
  if (!closing) return undefined;
  closing.lastIndex = from;
  const close = closing.exec(markup)?.index;
  // The first `</script` ends it, whatever follows; only `</script>` exactly is plain.
  if (close === undefined || markup.charCodeAt(close + name.length + 2) !== 0x3e /* > */) {
    return undefined;
  }
  const text = markup.slice(from, close);
  if (name === 'script' && text.includes('<!--')) return undefined;
  if (text) defaultTreeAdapter.insertText(element, text);
  return close + name.length + 3;
}

/**
 * <script> (script data), <style>, <iframe> and, as parse5 runs with scripting on, <noscript>
 * (raw text): WHATWG HTML §13.2.6.4.7, "generic raw text element parsing algorithm".
 */
const RAW_ENDS = new Map(
  ['script', 'style', 'iframe', 'noscript'].map((name) => [name, new RegExp(`</${name}`, 'gi')]),
);

/**
 * How each plain element enters the tree in HTML's "in body" insertion mode (WHATWG HTML
 * §13.2.6.4.7): `block` closes an open <p> (which would not be plain), `heading` also closes an
 * open heading, `item` an open <li>, `link` an open <a>; `inline` and `formatting` just go in;
 * `void` has no content; `raw` holds raw text.
 */
type Rule = 'block' | 'heading' | 'item' | 'link' | 'formatting' | 'inline' | 'void' | 'raw';

const RULES = new Map<string, Rule>([
  ...['p', 'div', 'blockquote', 'ul', 'ol', 'figure', 'figcaption', 'section', 'article'].map(
    (tag): [string, Rule] => [tag, 'block'],
  ),
  ...['header', 'footer', 'aside'].map((tag): [string, Rule] => [tag, 'block']),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag): [string, Rule] => [tag, 'heading']),
  ['li', 'item'],
  ['a', 'link'],
  ...['b', 'i', 'em', 'strong', 'u', 's', 'small', 'code', 'font', 'big', 'strike', 'tt'].map(
    (tag): [string, Rule] => [tag, 'formatting'],
  ),
  ...['span', 'sub', 'sup', 'q', 'cite', 'abbr', 'mark', 'time'].map((tag): [string, Rule] => [
    tag,
    'inline',
  ]),
  ['br', 'void'],
  ['img', 'void'],
  ...['script', 'style', 'iframe', 'noscript'].map((tag): [string, Rule] => [tag, 'raw']),
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whether the start tag would do nothing but insert itself (no implied end tags, no reopening). */
function allowedHere(name: string, rule: Rule, names: readonly string[]): boolean {
  switch (rule) {
    case 'block':
      return !names.includes('p');
    case 'heading':
      return !names.includes('p') && !HEADINGS.has(names[names.length - 1] ?? '');
    case 'item':
      return !names.includes('p') && !names.includes('li');
    case 'link':
      return !names.includes('a');
    case 'formatting':
      // The "Noah's Ark" clause acts on a fourth identical formatting element: keep below it.
      return names.filter((n) => n === name).length < 2;
    case 'inline':
    case 'void':
    case 'raw':
      return true;
  }
}

/**
 * Text with its character references decoded as parse5 decodes them, when every `&` either
 * starts none (`&` then not a letter, digit or `#`) or a whole reference ending in `;`. In an
 * attribute, a legacy name that matches only without its `;` (`&notit;` is `¬it;` in text) stays
 * undecoded in HTML: not plain. Decoding goes through parse5 (see decodeCharacterReferences).
 */
function decodeText(raw: string, inAttribute: boolean): string | undefined {
  if (!raw.includes('&')) return raw;
  // Pieces joined once make a flat string; `+=` would leave a rope for every later regex to flatten.
  const out: string[] = [];
  let at = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', at)) {
    out.push(raw.slice(at, amp));
    const c = raw.charCodeAt(amp + 1);
    if (!isAsciiAlpha(c) && !isAsciiDigit(c) && c !== 0x23 /* # */) {
      out.push('&');
      at = amp + 1;
      continue;
    }
    REFERENCE.lastIndex = amp;
    const reference = REFERENCE.exec(raw)?.[0];
    if (!reference) return undefined;
    const decoded = decodeReference(reference);
    if (inAttribute && decoded.endsWith(';')) return undefined;
    out.push(decoded);
    at = amp + reference.length;
  }
  out.push(raw.slice(at));
  return out.join('');
}

const REFERENCE = /&(?:[a-zA-Z][a-zA-Z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/y;

/** A few hundred references ever occur in copy; the cache is bounded against one that sends more. */
const decodedReferences = new Map<string, string>();
const MAX_CACHED_REFERENCES = 4_096;

function decodeReference(reference: string): string {
  let decoded = decodedReferences.get(reference);
  if (decoded === undefined) {
    decoded = decodeCharacterReferences(reference);
    if (decodedReferences.size < MAX_CACHED_REFERENCES) decodedReferences.set(reference, decoded);
  }
  return decoded;
}

function isAsciiAlpha(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
