/**
 * Everything outside XML 1.0's Char production (§2.2): C0 controls other than tab, LF and CR,
 * lone surrogates, U+FFFE and U+FFFF. One such character makes a whole feed ill-formed, and no
 * reader shows them, so they go. The `u` flag makes a lone surrogate one code point to match.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function removeNonXmlCharacters(text: string): string {
  return mayNeedCleaning(text) ? text.replace(NOT_XML_CHAR, '') : text;
}

/**
 * True when `text` may hold something removeNonXmlCharacters, replaceC1Controls or a form-feed
 * rule would change: anything outside tab, LF, CR, printable ASCII and U+00A0–U+FFFD without
 * surrogates. Almost all news text is inside, and one test without allocating is far cheaper
 * than the replacements it spares. Astral characters (surrogate pairs) take the full path.
 */
const MAYBE_UNCLEAN = /[^\t\n\r\u0020-\u007F\u00A0-\uD7FF\uE000-\uFFFD]/;

export function mayNeedCleaning(text: string): boolean {
  return MAYBE_UNCLEAN.test(text);
}
