import type { ArticleInput } from '../article-input';
import { NormalisationError } from '../normalisation-error';
import { normalizeArticle } from './normalize-article';

const VALID: ArticleInput = {
  id: 'a-1',
  version: 1,
  language: 'fr',
  headline: 'Titre',
  standfirst: '',
  body: '',
  sections: [],
  keywords: [],
  authors: [],
  provider: 'webradio media',
  canonicalUrl: 'https://webradio-media.example/a-1',
  images: [{ url: 'https://cdn.example/a.jpg', mediaType: 'image/jpeg' }],
  rights: { copyrightHolder: 'webradio media', copyrightNotice: '©' },
  firstPublishedAt: '2025-07-04T14:30:00Z',
  updatedAt: '2025-07-04T14:30:00Z',
};

function failure(input: ArticleInput): unknown {
  try {
    normalizeArticle(input, 'published');
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('what cannot be normalised throws a NormalisationError naming the field', () => {
  it('accepts the valid input these cases start from', () => {
    expect(normalizeArticle(VALID, 'published').headline).toBe('Titre');
  });

  it.each<[string, Partial<ArticleInput>]>([
    ['headline', { headline: '   ' }],
    ['headline', { headline: '&nbsp;&#32;\u0000' }],
    ['id', { id: ' ' }],
    ['provider', { provider: '' }],
    ['version', { version: 0 }],
    ['version', { version: 1.5 }],
    ['version', { version: Number.NaN }],
    ['language', { language: '' }],
    ['language', { language: 'français' }],
    ['canonicalUrl', { canonicalUrl: '/international/a-1' }],
    ['canonicalUrl', { canonicalUrl: 'ftp://webradio-media.example/a-1' }],
    ['canonicalUrl', { canonicalUrl: 'javascript:alert(1)' }],
    ['images.0.url', { images: [{ url: 'data:image/png;base64,AAAA', mediaType: 'image/png' }] }],
    [
      'images.1.url',
      { images: [...VALID.images, { url: 'javascript:x', mediaType: 'image/png' }] },
    ],
    ['images.0.mediaType', { images: [{ url: '/a.jpg', mediaType: ' ' }] }],
    ['images.0.width', { images: [{ url: '/a.jpg', mediaType: 'image/jpeg', width: 0 }] }],
    ['updatedAt', { updatedAt: '2025-07-04' }],
    ['updatedAt', { updatedAt: '2025-07-04T14:30:00' }],
    ['updatedAt', { updatedAt: '2025-02-30T14:30:00Z' }],
    ['updatedAt', { updatedAt: '2025-02-29T14:30:00Z' }],
    ['firstPublishedAt', { firstPublishedAt: '2025-07-04T24:00:00Z' }],
    ['firstPublishedAt', { firstPublishedAt: '2025-07-04T14:30:00+24:00' }],
    ['embargoUntil', { embargoUntil: 'demain' }],
    ['rights.expiresAt', { rights: { ...VALID.rights, expiresAt: '04/07/2025' } }],
    [
      'rights.deniedTerritories.1',
      { rights: { ...VALID.rights, deniedTerritories: ['BY', 'RUS'] } },
    ],
    ['rights.allowedTerritories.0', { rights: { ...VALID.rights, allowedTerritories: ['F'] } }],
    ['location.countryCode', { location: { name: 'Minsk', countryCode: 'Belarus' } }],
    ['location.latitude', { location: { name: 'Minsk', latitude: 91 } }],
    ['location.longitude', { location: { name: 'Minsk', longitude: Number.NaN } }],
    ['urgency', { urgency: 0 }],
    ['urgency', { urgency: 10 }],
  ])('names %s', (field, overrides) => {
    const error = failure({ ...VALID, ...overrides });
    expect(error).toBeInstanceOf(NormalisationError);
    expect(error).toMatchObject({ name: 'NormalisationError', field });
    expect((error as Error).message).toContain(field);
  });

  it('names the withdrawal time when a withdrawal’s time is unreadable', () => {
    const error = (() => {
      try {
        normalizeArticle({ ...VALID, withdrawnAt: 'hier' }, 'withdrawn');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ field: 'withdrawnAt' });
  });
});
