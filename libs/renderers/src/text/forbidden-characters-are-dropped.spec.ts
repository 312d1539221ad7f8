import { singleLine, xmlSafeText } from './xml-safe-text';

describe('xmlSafeText', () => {
  it('drops what XML 1.0 cannot carry (C0 controls, lone surrogates, U+FFFE/FFFF) and the C1 controls', () => {
    const forbidden = [
      '\u0000',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u001F',
      '\u007F',
      '\u0085',
      '\u009F',
      '\uFFFE',
      '\uFFFF',
      '\uD800',
      '\uDFFF',
    ];
    // Joined by '-': '\uD800\uDFFF' side by side would be a valid pair (U+103FF), not two lone halves.
    expect(xmlSafeText(`a${forbidden.join('-')}b`)).toBe(`a${'-'.repeat(forbidden.length - 1)}b`);
  });

  it('keeps tab, LF, every script, emoji (surrogate pairs) and invisible but legal characters', () => {
    const kept =
      '\t\n« été » مرحبا שלום 😀 👩‍👩‍👧 \u00A0\u202F\u200B\u202E\uFEFF\uE000\uFFFD\u{10FFFF}';
    expect(xmlSafeText(kept)).toBe(kept);
  });

  it('reads CR and CRLF as LF, as every XML reader would (XML 1.0 §2.11)', () => {
    expect(xmlSafeText('a\r\nb\rc\n')).toBe('a\nb\nc\n');
  });

  it("leaves markup-like text alone: escaping is the builders' job", () => {
    expect(xmlSafeText('<b>&eacute; ]]>')).toBe('<b>&eacute; ]]>');
  });
});

describe('singleLine', () => {
  it('turns tab, CR and LF into spaces (NewsML-G2 g2normalizedString is [\\S ]*)', () => {
    expect(singleLine('a\tb\nc\rd e')).toBe('a b c d e');
  });
});
