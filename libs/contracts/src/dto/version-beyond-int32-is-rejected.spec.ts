import { decodeJsonEvent } from '../decode/decode-json-event';
import type { PermanentError } from '../decode/permanent-error';

const event = (version: unknown): string =>
  JSON.stringify({
    eventId: '0b8f2d7e-4d3c-4a8b-9a56-2f4c1e7d9a01',
    type: 'article.published',
    occurredAt: '2025-07-04T14:30:00Z',
    source: 'webradio-cms',
    schemaVersion: 1,
    article: {
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
    },
  });

describe('an article version beyond what the store’s INTEGER column holds', () => {
  it('accepts 2^31 − 1, the largest PostgreSQL INTEGER', () => {
    expect(decodeJsonEvent(event(2_147_483_647), 'a-1').article.version).toBe(2_147_483_647);
  });

  it.each([
    ['2^31', 2_147_483_648],
    ['Number.MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
    ['1e20', 1e20],
  ])('rejects %s as a schema violation of article.version', (_name, version) => {
    expect(() => decodeJsonEvent(event(version), 'a-1')).toThrow(
      expect.objectContaining({
        code: 'schema-violation',
        fields: ['article.version'],
      }) as PermanentError,
    );
  });
});
