import { createSqliteTestDatabase } from '@depeche/testing';
import { FeedApiWorld } from './feed-api-harness';

const TOKEN = 'admin-token-of-this-test-0123456789';

describe('the admin API', () => {
  let world: FeedApiWorld;

  beforeAll(async () => {
    world = await FeedApiWorld.create(
      createSqliteTestDatabase(),
      new Date('2025-07-04T12:00:00Z'),
      {
        FEED_API_ADMIN_TOKEN: TOKEN,
      },
    );
  });

  afterAll(() => world.cleanup());

  const admin = (method: string, path: string, body?: unknown, token = TOKEN) =>
    fetch(world.url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        // Fastify refuses a JSON content type with an empty body.
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('creates a partner, defines its channel, issues, rotates and revokes keys that then work or not', async () => {
    expect((await admin('POST', '/v1/admin/partners', { name: 'x' }, 'wrong-token')).status).toBe(
      401,
    );
    const bad = await admin('POST', '/v1/admin/partners', {
      name: 'Le Soir',
      entitlement: { sections: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const created = await admin('POST', '/v1/admin/partners', {
      id: 'le-soir',
      name: 'Le Soir',
      entitlement: { sections: ['international'], contentLevel: 'summary' },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await admin('POST', '/v1/admin/partners', {
          id: 'le-soir',
          name: 'Again',
          entitlement: { sections: ['x'], contentLevel: 'full' },
        })
      ).status,
    ).toBe(409);
    const channel = await admin('PUT', '/v1/admin/channels', {
      slug: 'monde',
      partnerId: 'le-soir',
      title: 'Monde',
      filter: { sections: ['international'] },
    });
    expect(channel.status).toBe(200);
    const issued = (await (await admin('POST', '/v1/admin/partners/le-soir/keys', {})).json()) as {
      id: string;
      key: string;
    };
    expect((await world.get('/v1/feeds/monde.rss', issued.key)).status).toBe(200);
    const rotated = (await (
      await admin('POST', `/v1/admin/keys/${issued.id}/rotate`, { graceHours: 0 })
    ).json()) as { id: string; key: string };
    world.clock.advance(2_000); // past the authentication cache's second
    expect((await world.get('/v1/feeds/monde.rss', rotated.key)).status).toBe(200);
    expect((await world.get('/v1/feeds/monde.rss', issued.key)).status).toBe(401);
    expect((await admin('DELETE', `/v1/admin/keys/${rotated.id}`)).status).toBe(204);
    world.clock.advance(2_000);
    expect((await world.get('/v1/feeds/monde.rss', rotated.key)).status).toBe(401);
    expect((await admin('DELETE', `/v1/admin/keys/${rotated.id}`)).status).toBe(404);
  });

  it('takes the admin token only as Authorization: Bearer, never as X-API-Key', async () => {
    const asApiKey = await fetch(`${world.url}/v1/admin/partners/le-soir/keys`, {
      method: 'POST',
      headers: { 'x-api-key': TOKEN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(asApiKey.status).toBe(401);
    expect(asApiKey.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(asApiKey.headers.get('www-authenticate')).toBe('Bearer realm="depeche-admin"');
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await fetch(`${world.url}/v1/admin/partners`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{bad json',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ type: 'about:blank', status: 400 });
  });

  it('refuses an entitlement or a channel filter sent as an array of objects', async () => {
    // class-validator's ValidateNested alone took `[{…}]` for `{…}`, and the array was stored.
    const asArray = await admin('POST', '/v1/admin/partners', {
      id: 'in-a-list',
      name: 'In a list',
      entitlement: [{ sections: ['international'], contentLevel: 'summary' }],
    });
    expect([asArray.status, await asArray.json()]).toEqual([
      400,
      expect.objectContaining({ status: 400 }),
    ]);
    const filter = await admin('PUT', '/v1/admin/channels', {
      slug: 'listed',
      title: 'Listed',
      filter: [{ sections: ['international'] }],
    });
    expect(filter.status).toBe(400);
  });
});
