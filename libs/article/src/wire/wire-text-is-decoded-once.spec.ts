import type { PermanentError } from '@depeche/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArticle, parseNewsmlG2, parseNitf, type Article } from '..';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../fixtures/wire', name), 'utf8');
const NEWSML = fixture('belta-minsk-kellogg.newsml.xml');
const NITF = fixture('belta-minsk-kellogg.nitf.xml');
const HEADLINE = 'Keith Kellogg reçu à Minsk par Alexandre Loukachenko';

const newsml = (headline: string, paragraph: string): Article => {
  const xml = NEWSML.replace(
    `<headline>${HEADLINE}</headline>`,
    `<headline>${headline}</headline>`,
  ).replace(
    'a été libéré fin juin &amp; a quitté le pays.',
    `a été libéré fin juin &amp; a quitté le pays. ${paragraph}`,
  );
  const story = parseNewsmlG2(xml);
  return normalizeArticle(story.input, story.change);
};

/**
 * Issue 3, text byte-exact: XML decodes its references once, and normalisation decodes those of
 * the JSON contract's text. Wire text went through both, so an agency headline holding the text
 * "a &lt;b&gt; c" (XML `a &amp;lt;b&amp;gt; c`) came out as "a <b> c"; and an HTML entity, which
 * XML does not define, was decoded in a headline and left as it was in the body.
 */
describe('text in wire copy', () => {
  it('is decoded once, as XML reads it, in every field', () => {
    const article = newsml('a &amp;lt;b&amp;gt; c, AT&amp;T &#233;t&#xE9;', 'x &amp;lt; y');
    expect(article.headline).toBe('a &lt;b&gt; c, AT&T été');
    expect(article.bodyText).toContain('x &lt; y');
    expect(article.bodyText).toContain('fin juin & a quitté');
  });

  it('keeps NITF attribute text as XML reads it', () => {
    const story = parseNitf(
      NITF.replace('holder="Belta"', 'holder="Belta &amp;amp; Co"').replace(
        'key="Keith Kellogg"',
        'key="K&amp;K"',
      ),
    );
    const article = normalizeArticle(story.input, story.change);
    expect(article.rights.copyrightHolder).toBe('Belta &amp; Co');
    expect(article.keywords).toContain('K&K');
  });

  it.each([
    ['an HTML entity in a headline', `<headline>caf&eacute;</headline>`],
    ['an HTML entity in the body', '<p>caf&eacute;</p>'],
    ['an HTML entity in an attribute', '<p class="a&nbsp;b">x</p>'],
    ['a bare ampersand', '<p>fish & chips</p>'],
  ])('refuses %s as not well-formed', (_what, markup) => {
    const xml = markup.startsWith('<headline>')
      ? NEWSML.replace(`<headline>${HEADLINE}</headline>`, markup)
      : NEWSML.replace(
          '<p>Sergueï Tikhanovski a été libéré fin juin &amp; a quitté le pays.</p>',
          markup,
        );
    expect(xml).not.toBe(NEWSML);
    expect(() => parseNewsmlG2(xml)).toThrow(
      expect.objectContaining({ code: 'invalid-xml' }) as PermanentError,
    );
  });
});
