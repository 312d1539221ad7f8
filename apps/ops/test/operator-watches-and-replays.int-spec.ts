import { DLQ_HEADERS } from '@depeche/contracts';
import { DeliveryQueue, PartnerStore, WebhookEndpointStore } from '@depeche/persistence';
import {
  JSON_EVENT_HEADERS,
  kcatProduce,
  parsePrometheusText,
  readTopic,
  sampleEvent,
  sampleValue,
  testKafka,
  waitFor,
} from '@depeche/testing';
import { randomUUID } from 'node:crypto';
import { createOpsWorld, login, OPERATOR, readSse, type OpsWorld } from './ops-world';

/** ingest and ops as processes, driven over HTTP, fed by kcat (a Kafka client that is not ours). */
describe('operating the pipeline', () => {
  let world: OpsWorld;
  let cookie: string;

  beforeAll(async () => {
    world = await createOpsWorld();
    cookie = await login(world.ops.url);
  });

  afterAll(() => world?.cleanup());

  const sample = (correlationId: string) => {
    const event = sampleEvent();
    return {
      key: event.article.id,
      value: JSON.stringify(event),
      headers: { ...JSON_EVENT_HEADERS, 'correlation-id': correlationId },
    };
  };
  const broken = (correlationId: string) => ({
    key: 'broken-story',
    value: '{"eventId": ',
    headers: { ...JSON_EVENT_HEADERS, 'correlation-id': correlationId },
  });

  it('opens no page and takes no action without a login', async () => {
    const closed: [string, string][] = [
      ['GET', '/'],
      ['GET', '/events/stream'],
      ['GET', '/articles?id=x'],
      ['POST', '/dead-letters/replay-one'],
      ['POST', '/dead-letters/replay'],
      ['POST', '/partners/status'],
      ['POST', '/partners/redeliver'],
      ['POST', '/logout'],
    ];
    const forged = `depeche_ops=${Buffer.from('{"u":"operator","e":9999999999}').toString('base64url')}.AAAA`;
    for (const [method, path] of closed) {
      for (const headers of [{}, { cookie: forged }] as Record<string, string>[]) {
        const response = await fetch(world.ops.url + path, {
          method,
          headers,
          redirect: 'manual',
        });
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 401 });
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(response.headers.get('www-authenticate')).toBe(
          'Cookie realm="depeche-ops", form-action="/login", cookie-name="depeche_ops"',
        );
      }
    }
    // A browser asking for a page is sent to the login form instead.
    const page = await fetch(world.ops.url, {
      headers: { accept: 'text/html' },
      redirect: 'manual',
    });
    expect([page.status, page.headers.get('location')]).toEqual([303, '/login']);
    // Login, health and metrics are open: the login form, orchestrators and Prometheus hold no session.
    for (const open of ['/login', '/health/live', '/health/ready', '/metrics']) {
      expect([open, (await fetch(world.ops.url + open)).status]).toEqual([open, 200]);
    }
  });

  it('refuses a wrong password and a cross-origin action', async () => {
    const wrong = await fetch(`${world.ops.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...OPERATOR, password: 'not the password' }).toString(),
    });
    expect([wrong.status, wrong.headers.get('location'), wrong.headers.get('set-cookie')]).toEqual([
      303,
      '/login?failed',
      null,
    ]);
    const foreign = await fetch(`${world.ops.url}/dead-letters/replay`, {
      method: 'POST',
      headers: {
        cookie,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
      redirect: 'manual',
    });
    expect(foreign.status).toBe(403);
  });

  it('streams an event produced with kcat to the dashboard, received then normalised', async () => {
    const correlationId = `sse-${randomUUID()}`;
    const seen: string[] = [];
    const stream = readSse(`${world.ops.url}/events/stream`, cookie, (message) => {
      if (message.event !== 'event') return undefined;
      const line = JSON.parse(message.data) as { kind: string; correlationId?: string };
      if (line.correlationId === correlationId) seen.push(line.kind);
      return seen.includes('received') && seen.includes('normalised') ? seen : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 500)); // the stream is open
    await kcatProduce(world.brokers, world.events, sample(correlationId));
    expect(await stream).toEqual(['received', 'normalised']);
  });

  it('exposes ingest counters that move as events flow, in valid exposition format', async () => {
    const scrape = async () =>
      parsePrometheusText(await (await fetch(`${world.ingest.url}/metrics`)).text());
    const stored = { type: 'article.published', outcome: 'stored' };
    const before = await scrape();
    const value = (families: typeof before, name: string, labels = {}) =>
      sampleValue(families, name, labels) ?? 0;

    await kcatProduce(world.brokers, world.events, sample(`m-${randomUUID()}`));
    await kcatProduce(world.brokers, world.events, broken(`m-${randomUUID()}`));

    const after = await waitFor(async () => {
      const now = await scrape();
      const moved =
        value(now, 'depeche_events_consumed_total', stored) ===
          value(before, 'depeche_events_consumed_total', stored) + 1 &&
        value(now, 'depeche_events_dead_lettered_total', { reason: 'invalid-json' }) ===
          value(before, 'depeche_events_dead_lettered_total', { reason: 'invalid-json' }) + 1;
      return moved ? now : undefined;
    });
    // One stored and one dead-lettered: two more latency observations.
    expect(value(after, 'depeche_event_processing_seconds_count')).toBe(
      value(before, 'depeche_event_processing_seconds_count') + 2,
    );
    expect(
      value(after, 'depeche_events_consumed_total', { type: 'unknown', outcome: 'dead-lettered' }),
    ).toBe(
      value(before, 'depeche_events_consumed_total', {
        type: 'unknown',
        outcome: 'dead-lettered',
      }) + 1,
    );
    // Lag is sampled on a timer; once caught up, every partition of the events topic reads 0.
    await waitFor(async () => {
      const now = await scrape();
      const lags = [0, 1].map((p) =>
        sampleValue(now, 'depeche_consumer_lag', { topic: world.events, partition: String(p) }),
      );
      return lags.every((l) => l === 0) ? lags : undefined;
    });
    expect(after.get('depeche_outbox_backlog')?.type).toBe('gauge');
  });

  it('replays a dead letter with its original bytes and records who did it', async () => {
    const correlationId = `replay-${randomUUID()}`;
    await kcatProduce(world.brokers, world.events, broken(correlationId));
    const letter = await waitFor(async () => {
      const rows = await world.database.db.query<{ dlq_partition: number; dlq_offset: number }>(
        `SELECT dlq_partition, dlq_offset FROM ops_dead_letters WHERE headers LIKE $1`,
        [`%${Buffer.from(correlationId).toString('base64')}%`],
      );
      return rows[0];
    });
    const response = await fetch(`${world.ops.url}/dead-letters/replay-one`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        topic: world.dlq,
        partition: String(letter.dlq_partition),
        offset: String(letter.dlq_offset),
      }).toString(),
    });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/?replayed=1']);

    const origin = `${world.dlq}/${letter.dlq_partition}/${letter.dlq_offset}`;
    const replayed = await readTopic(testKafka(), world.events, (messages) =>
      messages.some((m) => m.headers['replayed-from'] === origin),
    );
    const copy = replayed.find((m) => m.headers['replayed-from'] === origin);
    expect(copy?.key).toBe('broken-story');
    expect(copy?.value?.toString('utf8')).toBe('{"eventId": ');
    expect(copy?.headers['correlation-id']).toBe(correlationId);
    expect(Object.keys(copy?.headers ?? {}).filter((h) => h.startsWith('dlq-'))).toEqual([]);

    // Still broken, so ingest dead-letters it again: a new letter that says where it came from.
    const again = await readTopic(testKafka(), world.dlq, (messages) =>
      messages.some((m) => m.headers['replayed-from'] === origin),
    );
    expect(
      again.find((m) => m.headers['replayed-from'] === origin)?.headers[DLQ_HEADERS.errorCode],
    ).toBe('invalid-json');
    const audit = await world.database.db.query<{ actor: string; action: string; target: string }>(
      'SELECT actor, action, target FROM ops_audit',
    );
    expect(audit).toContainEqual({
      actor: 'operator:operator',
      action: 'replay-dead-letters',
      target: origin,
    });
  });

  it("redelivers a partner's dead deliveries on request, and records who asked", async () => {
    const db = world.database.db;
    await new PartnerStore(db).createPartner({
      id: 'le-soir',
      name: 'Le Soir',
      entitlement: {
        sections: ['international'],
        languages: [],
        territories: [],
        contentLevel: 'full',
        formats: ['ninjs'],
        embargo: 'on-lift',
      },
    });
    await new WebhookEndpointStore(db).create({
      id: 'e-le-soir',
      partnerId: 'le-soir',
      url: 'https://le-soir.example/hook',
      format: 'ninjs',
      secret: 'sealed',
    });
    const queue = new DeliveryQueue(db);
    const now = new Date();
    await db.transaction((tx) =>
      DeliveryQueue.enqueue(
        tx,
        [
          {
            id: 'd-1',
            kind: 'webhook',
            targetId: 'e-le-soir',
            articleId: 'a-1',
            guid: 'urn:a-1',
            version: 1,
            change: 'published',
            format: 'ninjs',
            level: 'full',
            embargoed: false,
            notBefore: now.toISOString(),
            storedAt: now.toISOString(),
          },
        ],
        now,
      ),
    );
    const [claimed] = await queue.claim({
      owner: 'test',
      now,
      leaseMs: 60_000,
      limit: 1,
      perTarget: 1,
      excludeTargets: [],
    });
    await queue.deadLetter(claimed?.id ?? '', 'test', now, 'HTTP 400 (permanent)', 400);

    const post = (partnerId: string) =>
      fetch(`${world.ops.url}/partners/redeliver`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ partnerId }).toString(),
      });
    const nobody = await post('nobody');
    expect([nobody.status, nobody.headers.get('content-type')]).toEqual([
      404,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    const response = await post('le-soir');
    expect([response.status, response.headers.get('location')]).toEqual([303, '/']);
    expect((await queue.get('d-1'))?.status).toBe('pending');
    const audit = await db.query<{ actor: string; action: string; target: string }>(
      'SELECT actor, action, target FROM ops_audit',
    );
    expect(audit).toContainEqual({
      actor: 'operator:operator',
      action: 'redeliver-partner',
      target: 'le-soir',
    });
  });
});
