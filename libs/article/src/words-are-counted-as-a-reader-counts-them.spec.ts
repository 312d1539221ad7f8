import { countWords } from './word-count';

/** The definition, as a split and a regex: what the one-pass count must always agree with. */
const byDefinition = (text: string): number =>
  text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;

describe('words are counted as a reader counts them', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['Minsk', 1],
    ['  Minsk  et   Washington ', 3],
    ['« Il est temps » — dit-il', 4],
    ['l’émissaire, 2025 ; 1994…', 3],
    ['mots\u00a0séparés\u202fpar des espaces insécables', 6],
    ['ligne\nligne\r\nligne\tfin', 4],
    ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢 et 🇧🇾 seul', 3],
    ['٣ مينسك 東京 ١٢', 4],
    ['\ufeffBOM\u3000idéographique\u2028ligne', 3],
    ['\ud800 lone surrogate', 2],
  ])('counts %j as %d words', (text, words) => {
    expect(countWords(text)).toBe(words);
    expect(byDefinition(text)).toBe(words);
  });

  it('agrees with the definition on 2,000 random mixtures of letters, marks and spaces', () => {
    const pieces = [
      'a',
      'É',
      '1',
      '«',
      '—',
      ' ',
      '\u00a0',
      '\n',
      '\u202f',
      '𝔘',
      '🇧',
      '’',
      '-',
      '\u2003',
    ];
    let seed = 42;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (let n = 0; n < 2_000; n++) {
      const text = Array.from({ length: next() % 30 }, () => pieces[next() % pieces.length]).join(
        '',
      );
      expect([text, countWords(text)]).toEqual([text, byDefinition(text)]);
    }
  });
});
