import type { ArticleInput } from '../article-input';
import { normalizeArticle } from './normalize-article';

/** PostgreSQL's TEXT cannot hold U+0000: a NUL reaching the store fails the row on every retry. */
const NUL = '\u0000';
const CONTROLS = '\u0000\u0001\u001b\ufffe';

/** Every string of the input, with a NUL and other controls inside, where a field allows it. */
const HOSTILE: ArticleInput = {
  id: 'a-1',
  version: 1,
  language: 'fr',
  headline: `Ti${CONTROLS}tre`,
  standfirst: `Cha${CONTROLS}peau`,
  body: `<p title="x${NUL}">Te${NUL}xte <a href="/l${NUL}ien">lien${NUL}</a><img src="/i${NUL}.jpg" alt="a${NUL}lt"></p><!--${NUL}-->`,
  sections: [`inter${NUL}national`, NUL],
  keywords: [`Béla${NUL}rus`],
  subjects: [{ code: `medtop:1100${NUL}0000`, name: `Poli${NUL}tique` }],
  authors: [{ name: `Irina${NUL} Volkova`, role: `wri${NUL}ter` }],
  dateline: `MINSK${NUL}, 4 juillet`,
  location: { name: `Min${NUL}sk`, countryCode: 'BY' },
  provider: `webradio${NUL} media`,
  sourceAgency: `Bel${NUL}ta`,
  creditLine: `Bel${NUL}ta / AFP`,
  canonicalUrl: `https://webradio-media.example/a-1?q=${NUL}#f${NUL}`,
  images: [
    {
      url: `/img/${NUL}a.jpg?x=${NUL}`,
      caption: `Lé${NUL}gende`,
      credit: `Pho${NUL}to`,
      mediaType: `image/jpeg${NUL}`,
    },
  ],
  rights: {
    copyrightHolder: `webradio${NUL} media`,
    copyrightNotice: `© 2025${NUL}`,
    usageTerms: `Us${NUL}age`,
  },
  firstPublishedAt: '2025-07-04T14:30:00Z',
  updatedAt: '2025-07-04T14:30:00Z',
  correctionNote: `Cor${NUL}rigé`,
  genre: `Cur${NUL}rent`,
};

describe('a NUL cannot survive normalisation in any field', () => {
  it('removes NUL and the other controls from every text field, URL and code', () => {
    const article = normalizeArticle(HOSTILE, 'corrected');
    const stored = JSON.stringify(article);
    expect(stored).not.toMatch(/\\u000[0-9a-f]|\\u001[0-9a-f]/);
    expect(stored).not.toContain(NUL);
    expect(article.subjects).toEqual([{ code: 'medtop:11000000', name: 'Politique' }]);
    expect(article.images[0]?.mediaType).toBe('image/jpeg');
    expect(article.sections).toEqual(['international']);
  });

  it.each([
    ['a NUL', `a-1${NUL}`],
    ['a control character', 'a-\u001b1'],
    ['a space inside', 'a 1'],
    ['a line break', 'a-1\nb'],
    ['257 characters', `a${'b'.repeat(256)}`],
    ['nothing', ''],
  ])('refuses an id holding %s rather than changing it', (_name, id) => {
    expect(() => normalizeArticle({ ...HOSTILE, id }, 'corrected')).toThrow(
      expect.objectContaining({ name: 'NormalisationError', field: 'id' }) as Error,
    );
  });

  it('keeps an id of 256 characters and URN punctuation as it is', () => {
    const urn = `urn:newsml:afp.com:20250704:TX-PAR-ABC12:1~${'x'.repeat(213)}`;
    expect(urn).toHaveLength(256);
    expect(normalizeArticle({ ...HOSTILE, id: urn }, 'corrected').id).toBe(urn);
  });
});
