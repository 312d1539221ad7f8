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

const refused = expect.objectContaining({
  name: 'NormalisationError',
  field: 'body',
  message: expect.stringContaining('nest more than 256 deep') as string,
}) as Error;

describe('a body nested deeper than any article is refused before parsing it turns quadratic', () => {
  it.each([
    // 100 KB of unclosed <div>: 20,000 levels, seconds of parse5 time without the bound.
    ['unclosed <div>', '<div>'.repeat(20_000)],
    ['<div> closed only by end tags that close nothing', '<div></x>'.repeat(10_000)],
    [
      'formatting elements that parse5 reopens all at once',
      `${Array.from({ length: 10_000 }, (_, i) => `<p><b x=${i}></p>`).join('')}texte`,
    ],
    ['unclosed <b> with distinct attributes', '<b x=1><b y=2><b z=3><b w=4>'.repeat(5_000)],
    ['nested lists', '<li><ul>'.repeat(10_000)],
    ['nested tables', '<table><tr><td>'.repeat(7_000)],
  ])('refuses %s, naming the body', (_name, body) => {
    expect(() => normalizeArticle(input(body), 'published')).toThrow(refused);
  });

  it('keeps a body 250 levels deep, and one of 100,000 elements side by side', () => {
    const deep = `${'<div>'.repeat(250)}fond${'</div>'.repeat(250)}`;
    expect(normalizeArticle(input(deep), 'published').bodyText).toBe('fond');
    const wide = `<p>a${'<b></b>'.repeat(100_000)}b</p>`;
    expect(normalizeArticle(input(wide), 'published').bodyText).toBe('ab');
  });

  it('keeps sloppy but ordinary markup: 1,000 unclosed <p> and <li>', () => {
    const body = `${'<p>para'.repeat(1_000)}<ul>${'<li>item'.repeat(1_000)}</ul>`;
    expect(normalizeArticle(input(body), 'published').body).toHaveLength(1_001);
  });
});
