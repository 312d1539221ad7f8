import { normalizeArticle } from '@depeche/article';
import { PermanentError } from '@depeche/contracts';
import {
  JSON_EVENT_HEADERS,
  sampleArticle,
  sampleEvent,
  sampleLines,
  SAMPLE_EVENT_FILE,
} from '@depeche/testing';
import { readFileSync } from 'node:fs';
import { decodeArticleEvent } from './decode-article-event';

const MIB = 1024 * 1024;
const message = (
  value: string | Buffer,
  key: string | null = 'wrm-20250704-loukachenko-etats-unis',
) => ({
  key: key === null ? null : Buffer.from(key),
  value: Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'),
  headers: { ...JSON_EVENT_HEADERS },
});

describe('the pure ingest pipeline (decode, validate, normalise)', () => {
  it('turns the sample event file into exactly the sample article, text byte-exact', () => {
    const decoded = decodeArticleEvent(message(readFileSync(SAMPLE_EVENT_FILE)), MIB);
    const article = normalizeArticle(decoded.input, decoded.change);
    expect(article).toEqual(sampleArticle());
    const lines = sampleLines();
    expect(Buffer.from(article.headline).equals(Buffer.from(lines[2] ?? ''))).toBe(true);
    expect(Buffer.from(article.standfirst).equals(Buffer.from(lines[5] ?? ''))).toBe(true);
  });

  it('uses occurredAt as the time of a withdrawal that gives none', () => {
    const event = sampleEvent({
      type: 'article.withdrawn',
      occurredAt: '2025-07-05T11:00:00+02:00',
      article: { version: 3 },
    });
    const decoded = decodeArticleEvent(message(JSON.stringify(event)), MIB);
    const article = normalizeArticle(decoded.input, decoded.change);
    expect([article.change, article.withdrawnAt]).toEqual([
      'withdrawn',
      '2025-07-05T09:00:00.000Z',
    ]);
  });

  it('refuses a correction without a note, naming the field', () => {
    const event = sampleEvent({ type: 'article.corrected', article: { version: 2 } });
    expect(() => decodeArticleEvent(message(JSON.stringify(event)), MIB)).toThrow(
      expect.objectContaining({
        code: 'schema-violation',
        fields: ['article.correctionNote'],
      }) as PermanentError,
    );
  });

  it('refuses a key that is not the article id', () => {
    expect(() =>
      decodeArticleEvent(message(JSON.stringify(sampleEvent()), 'another-id'), MIB),
    ).toThrow(expect.objectContaining({ code: 'key-mismatch' }) as PermanentError);
  });

  it('accepts a NewsML-G2 wire item whose key is its guid, with a stable event id', () => {
    const xml = readFileSync(
      `${__dirname}/../../../../fixtures/wire/belta-minsk-kellogg.newsml.xml`,
    );
    const raw = {
      ...message(xml, 'belta-20250704-kellogg-minsk'),
      headers: { 'content-type': 'application/vnd.iptc.g2.newsitem+xml' },
    };
    const first = decodeArticleEvent(raw, MIB);
    expect(first.eventId).toBe(decodeArticleEvent(raw, MIB).eventId);
    expect(first.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(first.change).toBe('published');
  });

  it('decodes the same story sent as NITF to the model the NewsML-G2 item gives', () => {
    const wire = (file: string, contentType: string) =>
      decodeArticleEvent(
        {
          ...message(
            readFileSync(`${__dirname}/../../../../fixtures/wire/${file}`),
            'belta-20250704-kellogg-minsk',
          ),
          headers: { 'content-type': contentType },
        },
        MIB,
      );
    const nitf = wire('belta-minsk-kellogg.nitf.xml', 'application/vnd.nitf+xml');
    const newsml = wire('belta-minsk-kellogg.newsml.xml', 'application/vnd.iptc.g2.newsitem+xml');
    expect(nitf.type).toBe('wire');
    expect(normalizeArticle(nitf.input, nitf.change)).toEqual(
      normalizeArticle(newsml.input, newsml.change),
    );
  });

  it('refuses a future schemaVersion given in the body alone', () => {
    const event = sampleEvent({ schemaVersion: 2 });
    expect(() => decodeArticleEvent(message(JSON.stringify(event)), MIB)).toThrow(
      expect.objectContaining({
        code: 'unsupported-schema-version',
        fields: ['schemaVersion'],
      }) as PermanentError,
    );
  });
});
