/**
 * Everything outside XML 1.0's Char production (§2.2): C0 controls other than tab, LF and CR,
 * lone surrogates, U+FFFE and U+FFFF. One such character makes a whole feed ill-formed, and no
 * reader shows them, so they go. The `u` flag makes a lone surrogate one code point to match.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function removeNonXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}
