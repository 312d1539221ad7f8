/**
 * What may not reach a document. XML 1.0 §2.2 `Char` is #x9 | #xA | #xD | [#x20-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF]: anything else (C0 controls, lone surrogates, U+FFFE, U+FFFF)
 * makes a document ill-formed, and no escape can carry it (`&#1;` is ill-formed too), so it can only
 * be dropped. DEL and the C1 controls (U+007F-U+009F) go too: legal, but the same section
 * discourages [#x7F-#x84] and [#x86-#x9F] (and NEL, #x85, is a line end only in XML 1.1); they are
 * never text in a news story, and readers do not keep them (feedparser remaps them to Windows-1252
 * punctuation), so dropping them keeps every format saying the same thing.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text every format can carry unchanged. The normaliser already removes these characters; renderers
 * do it again because they must never emit an ill-formed document whatever they are given.
 * CR and CRLF become LF: XML 1.0 §2.11 makes every reader do that anyway, so doing it here keeps the
 * JSON formats saying exactly what the XML ones say.
 */
export function xmlSafeText(text: string): string {
  return NEEDS_CLEANING.test(text) ? text.replace(NOT_XML_CHAR, '').replace(/\r\n?/g, '\n') : text;
}

/**
 * A quick pre-check for the common case of text with nothing to change: without the `u` flag it
 * runs several times faster, and anything it does not know (CR, a control, any surrogate half,
 * even of a valid pair) sends the text through the exact cleaning above.
 */
const NEEDS_CLEANING = /[^\t\n\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFD]/;

/**
 * XML Schema types built on `g2normalizedString` (NewsML-G2 `name`, `keyword`, `slugline`,
 * `creditline`) allow no tab, CR or LF (pattern `[\S ]*`): each becomes a space.
 */
export function singleLine(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ');
}
