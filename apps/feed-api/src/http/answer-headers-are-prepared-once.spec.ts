import type { Representation } from '../cache/representation';
import { prepareResponse, VARY } from './prepared-response';

const representation: Representation = {
  mediaType: 'application/rss+xml; charset=utf-8',
  lastModified: new Date('2025-07-04T14:05:00.000Z'),
  bodies: { identity: Buffer.from('<rss/>'), gzip: Buffer.from('gz'), br: Buffer.from('br') },
  etags: { identity: '"abc"', gzip: '"abc-gzip"', br: '"abc-br"' },
};

describe('prepared answer headers', () => {
  const prepared = prepareResponse({
    representation,
    cacheControl: 'private, max-age=0, must-revalidate',
    links: ['<http://hub>; rel="hub"', '<http://feeds.test/v1/feeds/all.rss>; rel="self"'],
  });

  it('gives each coding its 200 headers: validators, coding, type, caching, Vary and Link', () => {
    expect(prepared.ok.gzip).toEqual({
      'cache-control': 'private, max-age=0, must-revalidate',
      vary: VARY,
      link: '<http://hub>; rel="hub", <http://feeds.test/v1/feeds/all.rss>; rel="self"',
      etag: '"abc-gzip"',
      'last-modified': 'Fri, 04 Jul 2025 14:05:00 GMT',
      'content-encoding': 'gzip',
      'content-type': 'application/rss+xml; charset=utf-8',
      'content-length': '2',
    });
    expect(prepared.ok.identity['content-encoding']).toBeUndefined();
    expect(prepared.ok.identity['content-length']).toBe('6');
    expect(prepared.ok.br.etag).toBe('"abc-br"');
  });

  it('gives the 304 the validators and caching headers of the 200, without describing a body', () => {
    // RFC 9110 §15.4.5: a 304 carries what a 200 would of ETag, Cache-Control, Vary, Last-Modified.
    const {
      'content-encoding': _coding,
      'content-type': _type,
      'content-length': _length,
      ...expected
    } = prepared.ok.br;
    expect(prepared.notModified.br).toEqual(expected);
  });

  it('answers an empty pull with the caching headers alone', () => {
    const empty = prepareResponse({
      representation: undefined,
      cacheControl: 'public, max-age=30',
    });
    expect(empty.common).toEqual({ 'cache-control': 'public, max-age=30', vary: VARY });
  });
});
