import type { PermanentError } from '@depeche/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNewsmlG2 } from './newsml-g2.wire';
import { parseNitf } from './nitf.wire';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../../../../fixtures/wire', name), 'utf8');
const NEWSML = fixture('belta-minsk-kellogg.newsml.xml');
const NITF = fixture('belta-minsk-kellogg.nitf.xml');

const newsml = (guid: string, version: string | undefined): string =>
  NEWSML.replace('guid="belta-20250704-kellogg-minsk"', `guid="${guid}"`).replace(
    'version="1"',
    version === undefined ? '' : `version="${version}"`,
  );
const nitf = (idString: string, version: string | undefined): string =>
  NITF.replace('id-string="belta-20250704-kellogg-minsk"', `id-string="${idString}"`).replace(
    '<du-key version="1"/>',
    version === undefined ? '<du-key/>' : `<du-key version="${version}"/>`,
  );

const violation = (field: string) =>
  expect.objectContaining({ code: 'schema-violation', fields: [field] }) as PermanentError;

const ID = 'belta-20250704-kellogg-minsk';

describe('wire ids, versions and agency names are bounded before they reach the store', () => {
  it('reads a URN guid and the highest INTEGER version', () => {
    const urn = 'urn:newsml:belta.by:20250704:kellogg-minsk:1';
    const story = parseNewsmlG2(newsml(urn, '2147483647'));
    expect([story.input.id, story.input.version]).toEqual([urn, 2_147_483_647]);
    expect(parseNitf(nitf(urn, '2147483647')).input.version).toBe(2_147_483_647);
  });

  it.each([
    ['missing', undefined],
    ['beyond 2^31 − 1', '2147483648'],
    ['zero', '0'],
    ['not a number', 'v2'],
    ['a fraction', '1.5'],
    ['negative', '-3'],
    ['empty', ''],
  ])('refuses a version that is %s', (_name, version) => {
    expect(() => parseNewsmlG2(newsml(ID, version))).toThrow(violation('newsItem@version'));
    expect(() => parseNitf(nitf(ID, version))).toThrow(violation('docdata.du-key@version'));
  });

  it.each([
    ['257 characters', `a${'b'.repeat(256)}`],
    ['100,000 characters', 'a'.repeat(100_000)],
    ['a tab (as a character reference)', 'belta&#9;1'],
    ['DEL (as a character reference)', 'belta&#127;1'],
    ['a line break', 'belta&#10;1'],
    ['a space', 'belta 1'],
    ['a quote and markup', 'belta&quot;&lt;1'],
    ['non-ASCII', 'bélta-1'],
  ])('refuses an id of %s', (_name, id) => {
    expect(() => parseNewsmlG2(newsml(id, '1'))).toThrow(violation('newsItem@guid'));
    expect(() => parseNitf(nitf(id, '1'))).toThrow(violation('docdata.doc-id@id-string'));
  });

  it('refuses an agency name longer than the JSON contract allows: the guid carries it', () => {
    const name = 'A'.repeat(201);
    const longNewsml = NEWSML.replace(
      '<provider literal="Belta"><name>Belta</name></provider>',
      `<provider literal="${name}"><name>${name}</name></provider>`,
    );
    const longNitf = NITF.replace(
      '<distributor>Belta</distributor>',
      `<distributor>${name}</distributor>`,
    );
    expect(() => parseNewsmlG2(longNewsml)).toThrow(violation('itemMeta.provider'));
    expect(() => parseNitf(longNitf)).toThrow(violation('body.head.distributor'));
    // 200 characters pass, as in the JSON contract.
    const fits = 'B'.repeat(200);
    expect(
      parseNitf(
        NITF.replace('<distributor>Belta</distributor>', `<distributor>${fits}</distributor>`),
      ).input.provider,
    ).toBe(fits);
  });
});
