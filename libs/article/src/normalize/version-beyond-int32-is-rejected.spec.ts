import type { ArticleInput } from '../article-input';
import { normalizeArticle } from './normalize-article';

const input = (version: number): ArticleInput => ({
  id: 'a-1',
  version,
  language: 'fr',
  headline: 'Titre',
  standfirst: '',
  body: '<p>Texte</p>',
  sections: [],
  keywords: [],
  authors: [],
  provider: 'webradio media',
  canonicalUrl: 'https://webradio-media.example/a-1',
  images: [],
  rights: { copyrightHolder: 'webradio media', copyrightNotice: '© 2025' },
  firstPublishedAt: '2025-07-04T14:30:00Z',
  updatedAt: '2025-07-04T14:30:00Z',
});

describe('the normaliser refuses versions the store’s INTEGER column cannot hold', () => {
  it('keeps 2^31 − 1', () => {
    expect(normalizeArticle(input(2_147_483_647), 'updated').version).toBe(2_147_483_647);
  });

  it.each([2_147_483_648, Number.MAX_SAFE_INTEGER])('refuses %d, naming version', (version) => {
    expect(() => normalizeArticle(input(version), 'updated')).toThrow(
      expect.objectContaining({ name: 'NormalisationError', field: 'version' }) as Error,
    );
  });
});
