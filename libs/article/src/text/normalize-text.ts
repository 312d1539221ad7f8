import { decodeCharacterReferences } from './character-references';
import { collapseHtmlWhitespace, trimHtmlWhitespace } from './html-whitespace';
import { toNfc } from './nfc';
import { replaceC1Controls } from './windows-1252';
import { removeNonXmlCharacters } from './xml-characters';

/**
 * Characters every output format can carry: C1 controls read as Windows-1252, nothing outside
 * XML 1.0's Char, then NFC so that `é` is one code point whichever way the CMS composed it.
 * NFC (not NFKC) leaves U+00A0, U+202F, « » and ’ exactly as they are.
 */
export function cleanCharacters(text: string): string {
  return toNfc(removeNonXmlCharacters(replaceC1Controls(text)));
}

/**
 * Already-decoded text (an attribute parse5 read) as one line: cleaned, each run of whitespace
 * one space, trimmed. Form feed is whitespace but not an XML character, so whitespace is collapsed
 * before cleaning too, to keep words apart.
 */
export function cleanLine(text: string): string {
  return trimHtmlWhitespace(collapseHtmlWhitespace(cleanCharacters(collapseHtmlWhitespace(text))));
}

/**
 * A plain-text field (headline, standfirst, caption…): character references decoded, then
 * cleaned as above. Line breaks come out as LF; whitespace is otherwise kept. Characters are
 * removed before decoding too, so that a raw NUL disappears rather than becoming the U+FFFD that
 * HTML decoding makes of it.
 */
export function normalizeText(text: string): string {
  return cleanCharacters(decodeCharacterReferences(removeNonXmlCharacters(text)));
}

/** A one-line plain-text field: normalizeText, then whitespace collapsed and trimmed. */
export function normalizeLine(text: string): string {
  return cleanLine(normalizeText(collapseHtmlWhitespace(text)));
}
