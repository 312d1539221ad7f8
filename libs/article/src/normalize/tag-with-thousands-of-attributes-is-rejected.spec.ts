import type { ArticleInput } from '../article-input';
import { normalizeArticle } from './normalize-article';

const input = (body: string): ArticleInput => ({
  id: 'a-1',
  version: 1,
  language: 'fr',
  headline: 'Titre',
  standfirst: '',
  body,
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

describe('a tag with more attributes than any article is refused before parse5 compares them all', () => {
  const tag = (attributes: number): string =>
    `<p ${Array.from({ length: attributes }, (_, i) => `data-a${i}="${i}"`).join(' ')}>texte</p>`;

  it('refuses a tag of 10,000 attributes (parse5 alone takes seconds on 40,000), naming the body', () => {
    expect(() => normalizeArticle(input(tag(10_000)), 'published')).toThrow(
      expect.objectContaining({
        name: 'NormalisationError',
        field: 'body',
        message: expect.stringContaining('more than 256 attributes') as string,
      }) as Error,
    );
  });

  it('refuses an end tag of 10,000 attributes too: parse5 compares those as well', () => {
    const attributes = Array.from({ length: 10_000 }, (_, i) => `a${i}`).join(' ');
    expect(() => normalizeArticle(input(`<p>texte</p ${attributes}>`), 'published')).toThrow(
      expect.objectContaining({ name: 'NormalisationError', field: 'body' }) as Error,
    );
  });

  it('keeps a tag of 256 attributes, and counts neither quoted text nor text between tags', () => {
    expect(normalizeArticle(input(tag(256)), 'published').bodyText).toBe('texte');
    const quoted = `<p title="${'a '.repeat(1_000)}">${'b = c '.repeat(1_000)}</p>`;
    expect(normalizeArticle(input(quoted), 'published').wordCount).toBe(2_000);
  });
});
