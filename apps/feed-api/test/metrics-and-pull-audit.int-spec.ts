import { parsePrometheusText, sampleValue, sampleEntitlement } from '@depeche/testing';
import { PullLog } from '../src/audit/pull-log';
import { DATABASES, FeedApiWorld } from './feed-api-harness';
import { story } from './stories';

const T0 = new Date('2025-07-04T15:00:00.000Z');
const FEED = '/v1/feeds/all.rss';

interface PullRow {
  partner_id: string;
  article_id: string | null;
  format: string;
  etag: string;
  path: string;
  pulled_at: string | Date;
}

/** Issue 7, every app: /metrics counts feed requests and renders; partner pulls are audited. */
describe.each(DATABASES)('feed-api metrics, readiness and pull audit on %s', (_, database) => {
  let world: FeedApiWorld;
  let key: string;

  beforeAll(async () => {
    world = await FeedApiWorld.create(await database(), T0);
    key = await world.partner('audited', sampleEntitlement(), { all: {} });
    await world.publish([story('pulled-1'), story('pulled-2')]);
    await world.caughtUp();
  });

  afterAll(() => world.cleanup());

  async function metrics(): Promise<ReturnType<typeof parsePrometheusText>> {
    const response = await world.get('/metrics');
    expect(response.status).toBe(200);
    // The strict parser throws on anything the text format 0.0.4 does not allow.
    return parsePrometheusText(await response.text());
  }

  async function pulls(): Promise<PullRow[]> {
    return world.database.db.query<PullRow>(
      `SELECT partner_id, article_id, format, etag, path, pulled_at FROM audit_pulls
       WHERE partner_id = 'audited' ORDER BY article_id`,
    );
  }

  it('is ready through terminus, naming each check', async () => {
    const response = await world.get('/health/ready');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; details: Record<string, unknown> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(['database', 'index', 'migrations']);
  });

  it('counts requests by status and cache outcome, and renders by format', async () => {
    const before = await metrics();
    const count = (status: string, cache: string): number =>
      sampleValue(before, 'depeche_feed_requests_total', { app: 'feed-api', status, cache }) ?? 0;
    const [miss, hit, notModified, unauthorized] = [
      count('200', 'miss'),
      count('200', 'hit'),
      count('304', 'not-modified'),
      count('401', 'none'),
    ];

    const first = await world.get(FEED, key); // builds the document: a miss and a render
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect((await world.get(FEED, key)).status).toBe(200); // served from the cache
    expect((await world.get(FEED, key, { 'if-none-match': etag })).status).toBe(304);
    expect((await world.get(FEED)).status).toBe(401); // no key

    const after = await metrics();
    const now = (status: string, cache: string): number | undefined =>
      sampleValue(after, 'depeche_feed_requests_total', { status, cache });
    expect(now('200', 'miss')).toBe(miss + 1);
    expect(now('200', 'hit')).toBe(hit + 1);
    expect(now('304', 'not-modified')).toBe(notModified + 1);
    expect(now('401', 'none')).toBe(unauthorized + 1);
    expect(after.get('depeche_feed_requests_total')?.type).toBe('counter');
    expect(sampleValue(after, 'depeche_renders_total', { format: 'rss' })).toBeGreaterThanOrEqual(
      1,
    );
  });

  it('records the 200s a partner received in audit_pulls, one row per story; not 304s, nor repeats within a minute', async () => {
    await world.app.get(PullLog).flush();
    const already = (await pulls()).length;
    // The earlier test's 200s carried both stories; the same document again within the minute
    // adds nothing, and neither do 304s.
    expect(already).toBe(2);
    const response = await world.get(FEED, key);
    const etag = response.headers.get('etag') ?? '';
    expect((await world.get(FEED, key, { 'if-none-match': etag })).status).toBe(304);
    await world.app.get(PullLog).flush();
    expect(await pulls()).toHaveLength(already);

    world.clock.advance(60_000);
    expect((await world.get(FEED, key)).status).toBe(200);
    await world.app.get(PullLog).flush();
    const rows = await pulls();
    expect(rows).toHaveLength(already + 2);
    const ids = rows.map((row) => row.article_id);
    expect(ids.filter((id) => id === 'pulled-1')).toHaveLength(2);
    expect(ids.filter((id) => id === 'pulled-2')).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ format: 'rss', path: FEED, etag });
    expect(rows.map((row) => new Date(row.pulled_at).toISOString()).sort()).toEqual([
      T0.toISOString(),
      T0.toISOString(),
      new Date(T0.getTime() + 60_000).toISOString(),
      new Date(T0.getTime() + 60_000).toISOString(),
    ]);
  });

  it('records a story a partner received on its own, in the format asked for', async () => {
    const path = '/v1/items/pulled-2?format=ninjs';
    const response = await world.get(path, key);
    expect(response.status).toBe(200);
    await world.app.get(PullLog).flush();
    const rows = (await pulls()).filter((row) => row.path === path);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      article_id: 'pulled-2',
      format: 'ninjs',
      etag: response.headers.get('etag'),
    });
  });

  it('writes the pulls still waiting when the app shuts down', async () => {
    const already = (await pulls()).length;
    world.clock.advance(60_000); // a repeat the recorder takes
    expect((await world.get(FEED, key)).status).toBe(200);
    await world.stopApp(); // no explicit flush: shutdown must write them
    expect(await pulls()).toHaveLength(already + 2);
    await world.startApp();
  });
});
