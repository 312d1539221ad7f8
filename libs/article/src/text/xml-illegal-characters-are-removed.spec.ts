import { normalizeLine, normalizeText } from './normalize-text';

describe('characters XML 1.0 cannot carry are removed', () => {
  it.each([
    ['NUL', '\u0000'],
    ['SOH', '\u0001'],
    ['vertical tab', '\u000b'],
    ['ESC', '\u001b'],
    ['unit separator', '\u001f'],
    ['U+FFFE', '\ufffe'],
    ['U+FFFF', '\uffff'],
    ['a lone high surrogate', '\ud800'],
    ['a lone low surrogate', '\udfff'],
    ['a reversed surrogate pair', '\ude00\ud83d'],
    ['an undefined Windows-1252 position (U+0081)', '\u0081'],
    ['DEL’s neighbour U+009D', '\u009d'],
  ])('removes %s', (_name, char) => {
    expect(normalizeText(`Mi${char}nsk`)).toBe('Minsk');
  });

  it('removes characters that character references produce', () => {
    // &#0; is U+FFFD by the HTML spec (a legal character); &#1; and &#xFFFF; are decoded as such.
    expect(normalizeText('a&#1;b&#xFFFF;c&#0;d')).toBe('abc\ufffdd');
  });

  it('removes a raw NUL rather than letting HTML decoding make it U+FFFD', () => {
    expect(normalizeText('a\u0000&eacute;')).toBe('aé');
  });

  it('keeps tab and LF, and turns CR LF and lone CR into LF', () => {
    expect(normalizeText('a\tb\nc\r\nd\re')).toBe('a\tb\nc\nd\ne');
  });

  it('keeps a valid surrogate pair: emoji, ZWJ sequences, flags, astral letters', () => {
    const text = 'Drapeaux 🇧🇾🇺🇸, famille 👩‍👩‍👧, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢';
    expect(normalizeText(text)).toBe(text);
  });

  it('keeps right-to-left text and its direction marks', () => {
    const text = 'مينسك\u200f (Minsk) \u202bשלום\u202c \u2067עברית\u2069';
    expect(normalizeText(text)).toBe(text);
  });

  it('reads C1 controls as the Windows-1252 characters they were meant to be', () => {
    // U+0092 is what ’ (0x92 in Windows-1252) becomes when decoded as Latin-1; &#146; is the same ’.
    expect(normalizeText('l\u0092occasion \u0093Minsk\u0094 \u0085 \u0080 \u009c')).toBe(
      'l’occasion “Minsk” … € œ',
    );
    expect(normalizeText('l&#146;occasion')).toBe('l’occasion');
  });

  it('keeps words apart when a form feed (whitespace, but not XML) separates them', () => {
    expect(normalizeLine('Minsk\fWashington')).toBe('Minsk Washington');
    expect(normalizeText('Minsk\fWashington')).toBe('MinskWashington');
  });
});
