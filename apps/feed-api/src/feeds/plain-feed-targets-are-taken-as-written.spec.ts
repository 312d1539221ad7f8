import { plainFeedTarget } from './feed-request';

describe('plain feed request targets (the front door takes these, Fastify the rest)', () => {
  it.each([
    ['/v1/feeds/all.rss', { file: 'all.rss' }],
    ['/v1/feeds/a-b-9.xml', { file: 'a-b-9.xml' }],
    ['/v1/feeds/all.json?limit=1', { file: 'all.json', limit: 1 }],
    ['/v1/feeds/all.atom?limit=200', { file: 'all.atom', limit: 200 }],
  ])('takes %s', (target, expected) => {
    expect(plainFeedTarget(target)).toEqual(expected);
  });

  it.each([
    '/v1/feeds/all.pdf',
    '/v1/feeds/All.rss',
    '/v1/feeds/%61ll.rss',
    '/v1/feeds/all.rss/',
    '/v1/feeds//all.rss',
    '/v1/feeds/archive/all.rss',
    '/v1/feed/all.rss',
    '/v1/feeds/all.rss?',
    '/v1/feeds/all.rss?limit=',
    '/v1/feeds/all.rss?limit=0',
    '/v1/feeds/all.rss?limit=050',
    '/v1/feeds/all.rss?limit=201',
    '/v1/feeds/all.rss?limit=5&limit=6',
    '/v1/feeds/all.rss?limit=5#x',
    '/v1/feeds/all.rss?x=1',
    '/v1/feeds/-all.rss',
  ])('leaves %s to the router', (target) => {
    expect(plainFeedTarget(target)).toBeUndefined();
  });
});
