import { sampleArticle, sampleLines } from '@depeche/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput } from '../article-input';
import { normalizeArticle } from './normalize-article';

const BODY_HTML = readFileSync(
  join(__dirname, '../../../../fixtures/sample-article.body.html'),
  'utf8',
);

/** The sample as a CMS sends it: entities, stray spaces, local times, repeats, relative URLs. */
function sampleInput(): ArticleInput {
  return {
    id: 'wrm-20250704-loukachenko-etats-unis',
    version: 1,
    language: 'FR',
    headline: '  Loukachenko appelle &agrave; normaliser les relations avec les &Eacute;tats-Unis ',
    standfirst:
      'Le pr&eacute;sident b&eacute;larusse esp&egrave;re renforcer la coop&eacute;ration avec Washington,\n' +
      'dans un contexte de r&eacute;chauffement des relations am&eacute;ricano-russes.',
    body: BODY_HTML,
    sections: [' international', 'international '],
    keywords: ['B&eacute;larus', 'États-Unis', ' Alexandre  Loukachenko ', 'diplomatie', 'Bélarus'],
    subjects: [
      { code: 'medtop:11000000', name: 'politique' },
      { code: 'medtop:11000000', name: 'doublon' },
    ],
    authors: [{ name: 'La r&eacute;daction de webradio media', role: 'writer' }],
    dateline: 'Minsk, 4 juillet 2025',
    location: { name: 'Minsk', countryCode: 'by', latitude: 53.9, longitude: 27.5667 },
    provider: 'webradio media',
    sourceAgency: 'Belta',
    creditLine: 'webradio media, avec Belta',
    canonicalUrl:
      'https://webradio-media.example/international/loukachenko-appelle-a-normaliser-les-relations-avec-les-etats-unis',
    images: [
      {
        url: '/images/loukachenko-minsk.jpg',
        caption: 'Alexandre Loukachenko &agrave; Minsk',
        credit: 'Belta',
        width: 1200,
        height: 800,
        mediaType: 'image/jpeg',
      },
    ],
    rights: {
      copyrightHolder: 'webradio media',
      copyrightNotice: '&copy; 2025 webradio media. Tous droits r&eacute;serv&eacute;s.',
      usageTerms: 'Reproduction r&eacute;serv&eacute;e aux partenaires abonn&eacute;s.',
    },
    // 16:30 in Minsk's neighbour Warsaw (UTC+2 in July) is 14:30 UTC.
    firstPublishedAt: '2025-07-04T16:30:00+02:00',
    updatedAt: '2025-07-04T14:30:00Z',
    urgency: 4,
    genre: 'Current',
  };
}

describe('the sample article', () => {
  const article = normalizeArticle(sampleInput(), 'published');

  it('normalises to exactly the canonical model, body text and word count included', () => {
    expect(article).toEqual(sampleArticle());
  });

  it('carries the headline and standfirst byte for byte as in the fixture', () => {
    const lines = sampleLines();
    expect(Buffer.from(article.headline)).toEqual(Buffer.from(lines[2] ?? ''));
    expect(Buffer.from(article.standfirst)).toEqual(Buffer.from(lines[5] ?? ''));
  });

  it('counts 477 words in the body', () => {
    // `wc -w` of the eleven body lines: 74 + 70 + 4 + 4 + 72 + 4 + 81 + 5 + 62 + 53 + 48. The
    // sample has no « or — standing alone, so every space-separated token is a word.
    expect(article.wordCount).toBe(477);
  });
});
