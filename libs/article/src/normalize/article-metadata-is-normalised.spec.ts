import type { ArticleChange } from '../article';
import type { ArticleInput } from '../article-input';
import { normalizeArticle } from './normalize-article';

const BASE_INPUT: ArticleInput = {
  id: 'a-1',
  version: 3,
  language: 'fr',
  headline: 'Titre',
  standfirst: 'Chapeau',
  body: '<p>Un deux trois.</p>',
  sections: ['international'],
  keywords: [],
  authors: [],
  provider: 'Webradio Média',
  canonicalUrl: 'https://webradio-media.example/international/a-1',
  images: [],
  rights: { copyrightHolder: 'webradio media', copyrightNotice: '© 2025 webradio media' },
  firstPublishedAt: '2025-07-04T14:30:00Z',
  updatedAt: '2025-07-04T15:00:00Z',
};
const normalize = (overrides: Partial<ArticleInput> = {}, change: ArticleChange = 'updated') =>
  normalizeArticle({ ...BASE_INPUT, ...overrides }, change);

describe('article metadata is normalised', () => {
  it.each([
    ['Z', '2025-07-04T14:30:00Z', '2025-07-04T14:30:00.000Z'],
    ['lower-case t and z', '2025-07-04t14:30:00z', '2025-07-04T14:30:00.000Z'],
    ['a positive offset', '2025-07-04T16:30:00+02:00', '2025-07-04T14:30:00.000Z'],
    ['a negative offset across midnight', '2025-07-03T22:30:00-04:00', '2025-07-04T02:30:00.000Z'],
    ['a half-hour offset', '2025-07-04T20:00:00+05:30', '2025-07-04T14:30:00.000Z'],
    ['-00:00 (UTC, local offset unknown)', '2025-07-04T14:30:00-00:00', '2025-07-04T14:30:00.000Z'],
    ['a space for T (RFC 3339 §5.6 note)', '2025-07-04 14:30:00Z', '2025-07-04T14:30:00.000Z'],
    ['milliseconds', '2025-07-04T14:30:00.5Z', '2025-07-04T14:30:00.500Z'],
    ['microseconds, truncated', '2025-07-04T14:30:00.123999+00:00', '2025-07-04T14:30:00.123Z'],
    ['a leap second, as the next second', '2016-12-31T23:59:60Z', '2017-01-01T00:00:00.000Z'],
    ['29 February of a leap year', '2024-02-29T12:00:00+01:00', '2024-02-29T11:00:00.000Z'],
  ])('reads a time with %s as UTC', (_name, time, expected) => {
    const article = normalize({
      firstPublishedAt: time,
      updatedAt: time,
      embargoUntil: time,
      rights: { ...BASE_INPUT.rights, expiresAt: time },
    });
    expect([
      article.firstPublishedAt,
      article.updatedAt,
      article.embargoUntil,
      article.rights.expiresAt,
    ]).toEqual([expected, expected, expected, expected]);
  });

  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-be', 'fr-BE'],
    ['FR_be', 'fr-BE'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    [' de-CH ', 'de-CH'],
    ['es-419', 'es-419'],
    ['iw', 'he'],
  ])('writes the language %j as %j', (language, expected) => {
    expect(normalize({ language }).language).toBe(expected);
  });

  it('trims sections and keywords, drops empty ones and repeats, keeping the first order', () => {
    const article = normalize({
      sections: [' international ', 'monde', 'international', '  ', 'Monde'],
      keywords: ['B&eacute;larus', ' Bélarus', 'Minsk', 'Minsk\n', '&nbsp;'],
    });
    expect(article.sections).toEqual(['international', 'monde', 'Monde']);
    expect(article.keywords).toEqual(['Bélarus', 'Minsk']);
  });

  it('upper-cases territory codes and drops repeats; no territories means empty lists', () => {
    expect(normalize().rights).toEqual({
      copyrightHolder: 'webradio media',
      copyrightNotice: '© 2025 webradio media',
      allowedTerritories: [],
      deniedTerritories: [],
    });
    const rights = normalize({
      rights: {
        ...BASE_INPUT.rights,
        allowedTerritories: ['fr', 'BE', ' ch ', 'Fr'],
        deniedTerritories: ['by'],
      },
    }).rights;
    expect([rights.allowedTerritories, rights.deniedTerritories]).toEqual([
      ['FR', 'BE', 'CH'],
      ['BY'],
    ]);
  });

  it('defaults urgency to 5 and keeps a given one', () => {
    expect(normalize().urgency).toBe(5);
    expect(normalize({ urgency: 1 }).urgency).toBe(1);
    expect(normalize({ urgency: 9 }).urgency).toBe(9);
  });

  it('sets withdrawnAt on a withdrawal only: the given time, else updatedAt', () => {
    expect(normalize({ withdrawnAt: '2025-07-05T10:00:00+02:00' }, 'withdrawn').withdrawnAt).toBe(
      '2025-07-05T08:00:00.000Z',
    );
    expect(normalizeArticle(BASE_INPUT, 'withdrawn').withdrawnAt).toBe('2025-07-04T15:00:00.000Z');
    expect(normalize({ withdrawnAt: '2025-07-05T10:00:00Z' }, 'updated')).not.toHaveProperty(
      'withdrawnAt',
    );
    expect(normalizeArticle(BASE_INPUT, 'corrected').change).toBe('corrected');
  });

  it('resolves image URLs against the canonical URL and tidies their text', () => {
    const [image] = normalize({
      images: [
        {
          url: '../images/minsk.jpg',
          caption: '  Minsk,\n le 4&nbsp;juillet ',
          credit: '',
          mediaType: ' Image/JPEG ',
          width: 1200,
        },
      ],
    }).images;
    expect(image).toEqual({
      url: 'https://webradio-media.example/images/minsk.jpg',
      caption: 'Minsk, le 4\u00a0juillet',
      width: 1200,
      mediaType: 'image/jpeg',
    });
  });

  it('leaves out optional fields that are absent or empty once normalised', () => {
    const article = normalize({
      dateline: ' ',
      sourceAgency: '',
      creditLine: '&#32;',
      correctionNote: '\n',
      genre: '',
      location: { name: '  ' },
    });
    for (const key of [
      'dateline',
      'sourceAgency',
      'creditLine',
      'correctionNote',
      'genre',
      'location',
      'embargoUntil',
      'withdrawnAt',
    ]) {
      expect(article).not.toHaveProperty(key);
    }
    expect(article.subjects).toEqual([]);
  });

  it('keeps one of each subject code and author, and drops nameless authors', () => {
    const article = normalize({
      subjects: [
        { code: ' medtop:11000000 ' },
        { code: 'medtop:11000000', name: 'politique' },
        { code: 'medtop:04000000', name: ' économie ' },
      ],
      authors: [
        { name: 'Irina  Volkova', role: 'writer' },
        { name: 'Irina Volkova', role: 'writer' },
        { name: 'Irina Volkova', role: 'photographer' },
        { name: ' ', role: 'editor' },
      ],
    });
    expect(article.subjects).toEqual([
      { code: 'medtop:11000000' },
      { code: 'medtop:04000000', name: 'économie' },
    ]);
    expect(article.authors).toEqual([
      { name: 'Irina Volkova', role: 'writer' },
      { name: 'Irina Volkova', role: 'photographer' },
    ]);
  });

  it('upper-cases a location’s country code and keeps its coordinates', () => {
    expect(
      normalize({ location: { name: 'Minsk', countryCode: 'by', latitude: 53.9, longitude: -0 } })
        .location,
    ).toEqual({
      name: 'Minsk',
      countryCode: 'BY',
      latitude: 53.9,
      longitude: -0,
    });
  });

  it('derives the guid from the provider and id, and the body text and word count from the body', () => {
    const article = normalize({ body: '<h2>Titre</h2><p>Un <b>deux</b> « trois ».</p>' });
    expect(article.guid).toBe('urn:depeche:webradio-media:a-1');
    expect(article.bodyText).toBe('Titre\n\nUn deux « trois ».');
    // "Titre", "Un", "deux", "trois": « and » alone are not words.
    expect(article.wordCount).toBe(4);
  });

  it('makes the canonical URL the WHATWG serialisation', () => {
    expect(normalize({ canonicalUrl: 'HTTPS://Webradio-Media.example/a b' }).canonicalUrl).toBe(
      'https://webradio-media.example/a%20b',
    );
  });
});
