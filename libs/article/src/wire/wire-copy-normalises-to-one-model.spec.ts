import { PermanentError } from '@depeche/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeArticle, parseNewsmlG2, parseNitf, type Article } from '..';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../fixtures/wire', name), 'utf8');

describe('agency wire copy', () => {
  const fromNewsml = parseNewsmlG2(fixture('belta-minsk-kellogg.newsml.xml'));
  const fromNitf = parseNitf(fixture('belta-minsk-kellogg.nitf.xml'));
  const newsml: Article = normalizeArticle(fromNewsml.input, fromNewsml.change);
  const nitf: Article = normalizeArticle(fromNitf.input, fromNitf.change);

  it('normalises a NewsML-G2 newsItem and an NITF document of one story to the same article', () => {
    expect(nitf).toEqual(newsml);
  });

  it('keeps the text, with character references and « » ’ decoded', () => {
    expect(newsml).toMatchObject({
      id: 'belta-20250704-kellogg-minsk',
      version: 1,
      change: 'published',
      language: 'fr',
      headline: 'Keith Kellogg reçu à Minsk par Alexandre Loukachenko',
      standfirst:
        'L’émissaire américain a rencontré le président bélarusse, une première depuis des années.',
      provider: 'Belta',
      sourceAgency: 'Belta',
      urgency: 3,
      sections: ['international'],
      keywords: ['Bélarus', 'Keith Kellogg'],
      subjects: [{ code: 'medtop:11000000' }],
      location: { name: 'Minsk', countryCode: 'BY' },
      authors: [{ name: 'Irina Volkova', role: 'writer' }],
      canonicalUrl: 'https://belta.example/fr/minsk-kellogg-2025-07-04',
      firstPublishedAt: '2025-07-04T12:00:00.000Z',
      updatedAt: '2025-07-04T12:00:00.000Z',
    });
    expect(newsml.body).toEqual([
      {
        type: 'p',
        children: [
          {
            type: 'text',
            text: 'La rencontre entre M.\u00a0Loukachenko et l’émissaire américain Keith Kellogg à Minsk marque un tournant.',
          },
        ],
      },
      { type: 'h2', children: [{ type: 'text', text: '« Une ligne positive »' }] },
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Sergueï Tikhanovski a été libéré fin juin & a quitté le pays.' },
        ],
      },
    ]);
  });

  it('reads a canceled item as a withdrawal and a correction signal as a correction', () => {
    const canceled = fixture('belta-minsk-kellogg.newsml.xml')
      .replace('version="1"', 'version="3"')
      .replace('stat:usable', 'stat:canceled');
    expect(parseNewsmlG2(canceled).change).toBe('withdrawn');
    const corrected = fixture('belta-minsk-kellogg.newsml.xml')
      .replace('version="1"', 'version="2"')
      .replace(
        '<pubStatus qcode="stat:usable"/>',
        '<pubStatus qcode="stat:usable"/><edNote>Nom corrigé.</edNote><signal qcode="sig:correction"/>',
      );
    const story = parseNewsmlG2(corrected);
    expect([story.change, story.input.correctionNote]).toEqual(['corrected', 'Nom corrigé.']);
  });

  it.each([
    [
      'an internal entity bomb',
      '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><newsItem>&b;</newsItem>',
      'forbidden-xml-construct',
    ],
    [
      'an external entity',
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem>&e;</newsItem>',
      'forbidden-xml-construct',
    ],
    [
      'a DOCTYPE alone',
      '<?xml version="1.0"?>\n<!doctype newsItem><newsItem/>',
      'forbidden-xml-construct',
    ],
    ['ill-formed XML', '<newsItem><itemMeta></newsItem>', 'invalid-xml'],
    ['another root element', '<rss version="2.0"/>', 'invalid-xml'],
  ])('refuses %s', (_name, xml, code) => {
    expect(() => parseNewsmlG2(xml)).toThrow(PermanentError);
    try {
      parseNewsmlG2(xml);
    } catch (error) {
      expect((error as PermanentError).code).toBe(code);
    }
  });
});
