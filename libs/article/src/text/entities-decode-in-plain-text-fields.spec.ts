import { normalizeLine, normalizeText } from './normalize-text';

describe('character references in plain-text fields decode as a browser decodes them', () => {
  it.each([
    [
      'named',
      'Loukachenko appelle &agrave; normaliser les relations avec les &Eacute;tats-Unis',
      'Loukachenko appelle à normaliser les relations avec les États-Unis',
    ],
    [
      'guillemets and apostrophe',
      '&laquo;&nbsp;l&rsquo;&eacute;missaire&nbsp;&raquo;',
      '«\u00a0l’émissaire\u00a0»',
    ],
    ['decimal', '&#171;B&#233;larus&#187;', '«Bélarus»'],
    ['hexadecimal, either case', '&#xAB;B&#Xe9;larus&#xbb;', '«Bélarus»'],
    ['astral by reference', '&#x1F1E7;&#x1F1FE;', '🇧🇾'],
    ['legacy name without a semicolon', '&copy 2025 &eacute', '© 2025 é'],
    ['ampersand', 'Belta &amp; AFP', 'Belta & AFP'],
  ])('decodes %s references', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['a bare ampersand', 'AT&T et Procter & Gamble'],
    ['an unknown name', '&nosuchentity; &'],
    ['markup, which a plain-text field does not have', '<b>Minsk</b> <script>x</script>'],
    ['an RCDATA end tag', 'a </textarea> b </title>'],
    ['a CDATA end', 'x ]]> y'],
  ])('leaves %s as text', (_name, input) => {
    expect(normalizeText(input)).toBe(input);
  });

  it('decodes one level only: &amp;eacute; is the text “&eacute;”', () => {
    expect(normalizeText('&amp;eacute;')).toBe('&eacute;');
  });

  it('decodes before it trims: a leading &#32; is trimmed in a one-line field', () => {
    expect(normalizeLine('&#32;Minsk&#10;')).toBe('Minsk');
  });
});
