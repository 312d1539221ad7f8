import { normalizeLine, normalizeText } from './normalize-text';

describe('text keeps French typography exactly', () => {
  it.each([
    ['guillemets with no-break spaces', '«\u00a0Il est temps de la changer\u00a0»'],
    ['guillemets with narrow no-break spaces', '«\u202fIl est temps\u202f»'],
    ['guillemets without inner spaces, as in the sample', '«Il est temps de la changer»'],
    ['a typographic apostrophe', 'l’occasion du Jour de l’Indépendance'],
    ['spaces before : ; ! ?', 'Pourquoi\u202f? Parce que\u00a0: oui\u202f; non\u202f!'],
    ['capitals with accents and ligatures', 'États-Unis, Œuvre, À Ï Ù Ê'],
    ['dashes and ellipsis', 'Minsk — Washington – 1994… 2025'],
  ])('keeps %s', (_name, text) => {
    expect(normalizeText(text)).toBe(text);
    expect(normalizeLine(text)).toBe(text);
  });

  it('composes to NFC: e + combining acute becomes é (U+00E9)', () => {
    expect(normalizeText('Be\u0301larus')).toBe('B\u00e9larus');
    expect(normalizeText('Be\u0301larus')).toHaveLength(7);
  });

  it('does not apply compatibility mappings (NFKC would make U+00A0 a space and ﬁ “fi”)', () => {
    expect(normalizeText('M.\u00a0Loukachenko ﬁn')).toBe('M.\u00a0Loukachenko ﬁn');
  });

  it('trims only HTML whitespace in one-line fields, never a no-break space', () => {
    expect(normalizeLine('  \n\u00a0«\u00a0Bonjour\u00a0»\u00a0 \t')).toBe(
      '\u00a0«\u00a0Bonjour\u00a0»\u00a0',
    );
  });

  it('collapses runs of whitespace in one-line fields, keeping no-break spaces beside them', () => {
    expect(normalizeLine('Loukachenko   appelle\n\tà  normaliser \u00a0 !')).toBe(
      'Loukachenko appelle à normaliser \u00a0 !',
    );
  });
});
