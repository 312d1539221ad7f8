import { mayNeedCleaning } from './xml-characters';

/**
 * C1 controls (U+0080–U+009F) are legal in XML 1.0 but "discouraged" (§2.2) and must be escaped in
 * XML 1.1. In news copy they are never control codes: they are Windows-1252 bytes that a tool
 * decoded as Latin-1 (U+0092 was meant as ’, U+0085 as …). HTML maps the character references
 * &#128;–&#159; through this same table (WHATWG HTML, "numeric character reference end state"),
 * and parse5 already does so for `&#146;`, so a raw U+0092 ends up as the same ’ as `&#146;`.
 * The five positions Windows-1252 leaves undefined have no meaning to recover: they are removed.
 */
const WINDOWS_1252: Readonly<Record<number, string>> = {
  0x80: '\u20AC',
  0x82: '\u201A',
  0x83: '\u0192',
  0x84: '\u201E',
  0x85: '\u2026',
  0x86: '\u2020',
  0x87: '\u2021',
  0x88: '\u02C6',
  0x89: '\u2030',
  0x8a: '\u0160',
  0x8b: '\u2039',
  0x8c: '\u0152',
  0x8e: '\u017D',
  0x91: '\u2018',
  0x92: '\u2019',
  0x93: '\u201C',
  0x94: '\u201D',
  0x95: '\u2022',
  0x96: '\u2013',
  0x97: '\u2014',
  0x98: '\u02DC',
  0x99: '\u2122',
  0x9a: '\u0161',
  0x9b: '\u203A',
  0x9c: '\u0153',
  0x9e: '\u017E',
  0x9f: '\u0178',
};

const C1_CONTROL = /[\u0080-\u009F]/g;

export function replaceC1Controls(text: string): string {
  if (!mayNeedCleaning(text)) return text;
  return text.replace(C1_CONTROL, (c) => WINDOWS_1252[c.charCodeAt(0)] ?? '');
}
