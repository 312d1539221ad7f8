import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJsonEvent } from './decode-json-event';
import type { PermanentError } from './permanent-error';

const SAMPLE = readFileSync(
  join(__dirname, '../../../../fixtures/sample-article.published.json'),
  'utf8',
);
const KEY = (JSON.parse(SAMPLE) as { article: { id: string } }).article.id;

type Plain = Record<string, unknown>;
const sample = (): Plain & { article: Plain } => JSON.parse(SAMPLE) as Plain & { article: Plain };

/**
 * Issue 3, wrong field types are dead-lettered with their reason: class-validator's ValidateNested
 * takes an array of valid objects where one object is due. A location sent as `[{…}]` passed and
 * normalisation dropped it; rights sent so failed later as a TypeError ("normalisation-failed").
 */
describe('an event with an array where the contract has one object', () => {
  const cases: [string, (event: Plain & { article: Plain }) => Plain][] = [
    [
      'article.location',
      (e) => ({ ...e, article: { ...e.article, location: [e.article.location] } }),
    ],
    ['article.rights', (e) => ({ ...e, article: { ...e.article, rights: [e.article.rights] } })],
    ['article', (e) => ({ ...e, article: [e.article] })],
  ];

  it.each(cases)('refuses %s as a schema violation naming it', (path, change) => {
    const event = change(sample());
    expect(() => decodeJsonEvent(JSON.stringify(event), KEY)).toThrow(
      expect.objectContaining({
        code: 'schema-violation',
        fields: expect.arrayContaining([path]) as string[],
      }) as PermanentError,
    );
  });

  it('refuses an article without rights as a schema violation', () => {
    const event = sample();
    delete event.article.rights;
    expect(() => decodeJsonEvent(JSON.stringify(event), KEY)).toThrow(
      expect.objectContaining({
        code: 'schema-violation',
        fields: ['article.rights'],
      }) as PermanentError,
    );
  });

  it('still takes the sample as it is', () => {
    expect(decodeJsonEvent(SAMPLE, KEY).article.location).toEqual(sample().article.location);
  });
});
