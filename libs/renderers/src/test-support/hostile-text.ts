import type { Picker } from './seeded-random';

/** Text that has broken feeds before: markup and entities as literal text, CDATA ends, scripts. */
export const MARKUP_LOOKALIKES = [
  ']]>',
  'a ]]> b ]]> c',
  '<![CDATA[ pas du CDATA ]]>',
  '&eacute;',
  '&amp;',
  '&amp;amp;',
  '&#233;',
  '&#x1F600;',
  '&lt;b&gt;',
  '&nbsp;',
  'AT&T',
  'R&D',
  '<script>alert("x")</script>',
  '<b>gras</b>',
  '</p>',
  '<!-- commentaire -->',
  '<?xml version="1.0"?>',
  '"guillemets droits" et \'apostrophes\'',
  'a < b > c',
] as const;

/** Characters no XML 1.0 document may contain, and the discouraged C1 controls. */
export const FORBIDDEN_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001B',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDFFF',
] as const;

/** Scripts, emoji, bidi controls and invisible characters: all legal, all to come out unchanged. */
export const WIDE_TEXT = [
  'Grève à la SNCF : l’économie régionale « très inquiète »',
  'Loukachenko appelle à normaliser les relations avec les États-Unis',
  '😀',
  '👩‍👩‍👧',
  '🇫🇷',
  '𝄞',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Eالنص المعكوس\u202C',
  '\u200Fעברית\u200E',
  'e\u0301te\u0301',
  '€ 1\u202F000',
  'zéro\u200Blargeur',
  'ﬁn',
] as const;

/** Whitespace and line ends, CR included (every reader turns CR and CRLF into LF: XML 1.0 §2.11). */
export const SPACING = [' ', '\t', '\n', '\r\n', '\r', '\u00A0', '  '] as const;

/**
 * A hostile line of text. It always holds a character outside Latin-1: feedparser re-decodes text
 * made only of Latin-1 characters as UTF-8 when that happens to be valid (a repair for mislabelled
 * feeds, feedparser/mixin.py), which no renderer can prevent.
 */
export function hostileLine(p: Picker, pieces = 4): string {
  const parts: string[] = [p.pick(WIDE_TEXT)];
  for (let i = p.int(0, pieces); i > 0; i--) {
    parts.push(
      p.pick([
        p.pick(MARKUP_LOOKALIKES),
        p.pick(FORBIDDEN_CHARACTERS),
        p.pick(WIDE_TEXT),
        p.pick(SPACING),
      ]),
    );
  }
  return shuffle(p, parts).join(p.pick([' ', '', ' - ']));
}

function shuffle<T>(p: Picker, values: T[]): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = p.int(0, i);
    [values[i], values[j]] = [values[j] as T, values[i] as T];
  }
  return values;
}
