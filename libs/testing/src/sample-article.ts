import { repoRoot } from './repo-root';
import { articleGuid, countWords, type Article, type BlockNode } from '@depeche/article';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The reference sample (fixtures/README.md): a real French article with « », ’ and accents. */
export const SAMPLE_FIXTURE = join(repoRoot(), 'fixtures', 'loukachenko-etats-unis.fr.txt');

/** The fixture's lines, 0-based as in fixtures/README.md. */
export function sampleLines(): string[] {
  return readFileSync(SAMPLE_FIXTURE, 'utf8').split('\n');
}

const HEADINGS: Record<number, 'h2' | 'h3'> = { 13: 'h2', 15: 'h3', 19: 'h3', 23: 'h3' };
const BODY_LINES = [9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29];

/** The sample's body blocks: paragraphs and headings, text byte-exact from the fixture. */
export function sampleBody(): BlockNode[] {
  const lines = sampleLines();
  return BODY_LINES.map((n) => ({
    type: HEADINGS[n] ?? 'p',
    children: [{ type: 'text', text: lines[n] ?? '' }],
  }));
}

/** The sample as the canonical model; `overrides` make versions, corrections and withdrawals of it. */
export function sampleArticle(overrides: Partial<Article> = {}): Article {
  const lines = sampleLines();
  const body = sampleBody();
  const bodyText = BODY_LINES.map((n) => lines[n] ?? '').join('\n\n');
  const id = 'wrm-20250704-loukachenko-etats-unis';
  return {
    id,
    guid: articleGuid('webradio media', id),
    version: 1,
    change: 'published',
    language: 'fr',
    headline: lines[2] ?? '',
    standfirst: lines[5] ?? '',
    body,
    bodyText,
    wordCount: countWords(bodyText),
    sections: ['international'],
    keywords: ['Bélarus', 'États-Unis', 'Alexandre Loukachenko', 'diplomatie'],
    subjects: [{ code: 'medtop:11000000', name: 'politique' }],
    authors: [{ name: 'La rédaction de webradio media', role: 'writer' }],
    dateline: 'Minsk, 4 juillet 2025',
    location: { name: 'Minsk', countryCode: 'BY', latitude: 53.9, longitude: 27.5667 },
    provider: 'webradio media',
    sourceAgency: 'Belta',
    creditLine: 'webradio media, avec Belta',
    canonicalUrl:
      'https://webradio-media.example/international/loukachenko-appelle-a-normaliser-les-relations-avec-les-etats-unis',
    images: [
      {
        url: 'https://webradio-media.example/images/loukachenko-minsk.jpg',
        caption: 'Alexandre Loukachenko à Minsk',
        credit: 'Belta',
        width: 1200,
        height: 800,
        mediaType: 'image/jpeg',
      },
    ],
    rights: {
      copyrightHolder: 'webradio media',
      copyrightNotice: '© 2025 webradio media. Tous droits réservés.',
      usageTerms: 'Reproduction réservée aux partenaires abonnés.',
      allowedTerritories: [],
      deniedTerritories: [],
    },
    firstPublishedAt: '2025-07-04T14:30:00.000Z',
    updatedAt: '2025-07-04T14:30:00.000Z',
    urgency: 4,
    genre: 'Current',
    ...overrides,
  };
}
