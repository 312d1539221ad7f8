import { toNfc } from './nfc';

describe('the NFC shortcut gives what String#normalize gives', () => {
  it('agrees with normalize("NFC") on every BMP character, alone and before a combining mark', () => {
    const differences: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      for (const text of [char, `${char}\u0301`, `e${char}`]) {
        if (toNfc(text) !== text.normalize('NFC')) differences.push(code.toString(16));
      }
    }
    expect(differences).toEqual([]);
  });

  it('composes what needs composing and maps the singletons', () => {
    expect(toNfc('Be\u0301larus')).toBe('B\u00e9larus');
    expect(toNfc('\u2000\u2001\u212b')).toBe('\u2002\u2003\u00c5');
    expect(toNfc('«\u202fl’émissaire\u202f» — 2025 €')).toBe('«\u202fl’émissaire\u202f» — 2025 €');
  });
});
