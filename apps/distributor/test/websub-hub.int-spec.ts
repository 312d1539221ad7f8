import { FEED_CONSISTENCY_HEADERS } from '@depeche/contracts';
import { waitFor } from '@depeche/testing';
import { createHmac } from 'node:crypto';
import { DistributorWorld, story } from './distributor-harness';
import { Receiver, type Behaviour } from './receiver';

/** A WebSub subscriber: confirms intent by echoing hub.challenge, accepts content. */
const subscriber: Behaviour = ({ method, url }) => {
  if (method === 'GET') {
    const challenge = new URL(url, 'http://x').searchParams.get('hub.challenge');
    return { status: 200, body: challenge ?? '' };
  }
  return { status: 204 };
};

/** W3C WebSub, issue 6: subscribe with verification, signed content distribution, unsubscribe, lease expiry. */
describe('the WebSub hub', () => {
  let world: DistributorWorld;
  let origin: Receiver;
  const receivers: Receiver[] = [];
  let edition = 0;
  let partnerKey = '';
  /** The topic fetches of edition 1, and the topics answered 503 once ("not caught up yet"). */
  const fetches: { url: string; afterChange?: string; afterTime?: string }[] = [];
  const answeredBehind = new Set<string>();

  beforeAll(async () => {
    world = await DistributorWorld.create(1);
    // Stands in for feed-api (built alongside): serves the topic feeds, the partner's with its key only.
    origin = await Receiver.start(({ url, headers }): ReturnType<Behaviour> => {
      if (url.startsWith('/v1/feeds/mine') && headers.authorization !== `Bearer ${partnerKey}`)
        return { status: 401 };
      if (edition === 1) {
        const afterChange = headers[FEED_CONSISTENCY_HEADERS.afterChange] as string | undefined;
        const afterTime = headers[FEED_CONSISTENCY_HEADERS.afterTime] as string | undefined;
        fetches.push({
          url,
          ...(afterChange ? { afterChange } : {}),
          ...(afterTime ? { afterTime } : {}),
        });
        // As feed-api answers while its view lags the change: the hub must retry, not give up.
        if (!answeredBehind.has(url)) {
          answeredBehind.add(url);
          return { status: 503, headers: { 'retry-after': '1' } };
        }
      }
      return {
        status: 200,
        body: `<feed xmlns="http://www.w3.org/2005/Atom"><title>${url} edition ${edition}</title></feed>`,
        headers: { 'content-type': 'application/atom+xml; charset=utf-8', etag: `"e${edition}"` },
      };
    });
    await world.partners.defineChannel({
      slug: 'world',
      title: 'World',
      filter: { sections: ['international'], keywords: [], languages: [] },
      publicLevel: 'summary',
    });
    await world.partner('sub');
    partnerKey = (await world.partners.issueKey('sub')).key;
    await world.partners.defineChannel({
      slug: 'mine',
      partnerId: 'sub',
      title: 'Mine',
      filter: { sections: [], keywords: [], languages: [] },
    });
  });

  afterAll(async () => {
    await Promise.all([origin, ...receivers].map((r) => r.close()));
    await world.cleanup();
  });

  const topic = (file: string) => `http://127.0.0.1:${origin.port}/v1/feeds/${file}`;

  async function hubRequest(
    hub: string,
    form: Record<string, string>,
    key?: string,
  ): Promise<Response> {
    return fetch(`${hub}/websub`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  }

  async function subscriptionStatus(callback: string): Promise<string | undefined> {
    const [row] = await world.database.db.query<{ status: string }>(
      'SELECT status FROM websub_subscriptions WHERE callback = $1',
      [callback],
    );
    return row?.status;
  }

  it('verifies intent, distributes signed content, unsubscribes, and lets a lease lapse', async () => {
    const hub = await world.startDistributor({
      DISTRIBUTOR_FEED_API_URL: `http://127.0.0.1:${origin.port}`,
      DISTRIBUTOR_WEBSUB_MIN_LEASE_SECONDS: '1',
    });
    const publicSub = await Receiver.start(subscriber);
    const partnerSub = await Receiver.start(subscriber);
    const shortSub = await Receiver.start(subscriber);
    receivers.push(publicSub, partnerSub, shortSub);

    // A partner feed without the partner's key: 401 as problem details.
    const refused = await hubRequest(hub.url, {
      'hub.mode': 'subscribe',
      'hub.topic': topic('mine.atom'),
      'hub.callback': partnerSub.url,
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as { status: number }).status).toBe(401);

    const accepted = await hubRequest(hub.url, {
      'hub.mode': 'subscribe',
      'hub.topic': topic('world.atom'),
      'hub.callback': publicSub.url,
      'hub.lease_seconds': '600',
      'hub.secret': 'public-secret',
    });
    expect(accepted.status).toBe(202);
    expect(
      (
        await hubRequest(
          hub.url,
          {
            'hub.mode': 'subscribe',
            'hub.topic': topic('mine.xml'),
            'hub.callback': partnerSub.url,
            'hub.secret': 'partner-secret',
          },
          partnerKey,
        )
      ).status,
    ).toBe(202);
    await waitFor(async () =>
      (await subscriptionStatus(publicSub.url)) === 'active' &&
      (await subscriptionStatus(partnerSub.url)) === 'active'
        ? true
        : undefined,
    );
    const verification = publicSub.received.find((r) => r.method === 'GET');
    expect(new URL(verification?.url ?? '', 'http://x').searchParams.get('hub.lease_seconds')).toBe(
      '600',
    );

    edition = 1;
    // What ingest leaves beside the item it announces: the change's place in the change log.
    const [change] = await world.database.db.query<{ seq: number | string }>(
      `INSERT INTO article_changes (article_id, version, change, recorded_at)
       VALUES ('websub-1', 1, 'published', $1) RETURNING seq`,
      [new Date().toISOString()],
    );
    await world.publish([story('websub-1')]);
    await waitFor(
      () =>
        publicSub.accepted().length > 0 && partnerSub.accepted().length > 0 ? true : undefined,
      {
        describe: () => hub.output(),
      },
    );
    for (const [received, secret, file] of [
      [publicSub.accepted()[0], 'public-secret', 'world.atom'],
      [partnerSub.accepted()[0], 'partner-secret', 'mine.xml'],
    ] as const) {
      if (!received) throw new Error('no content distribution');
      const expected = `sha256=${createHmac('sha256', secret).update(received.body).digest('hex')}`;
      expect(received.headers['x-hub-signature']).toBe(expected);
      expect(received.headers.link).toContain('rel="hub"');
      expect(received.headers.link).toContain(`<${topic(file)}>; rel="self"`);
      expect(received.body.toString('utf8')).toContain('edition 1');
    }
    // Each topic was fetched asking for the feed as it stands after this change, and the 503 of
    // a feed-api not there yet was retried, not taken for "nothing to send".
    expect([...answeredBehind].sort()).toEqual(['/v1/feeds/mine.xml', '/v1/feeds/world.atom']);
    expect(fetches.length).toBeGreaterThanOrEqual(4);
    for (const fetch of fetches) {
      expect(fetch.afterChange).toBe(String(change?.seq));
      expect(Number.isNaN(Date.parse(fetch.afterTime ?? ''))).toBe(false);
    }

    // Unsubscribe: verified, then no more content.
    expect(
      (
        await hubRequest(hub.url, {
          'hub.mode': 'unsubscribe',
          'hub.topic': topic('world.atom'),
          'hub.callback': publicSub.url,
        })
      ).status,
    ).toBe(202);
    await waitFor(async () =>
      (await subscriptionStatus(publicSub.url)) === undefined ? true : undefined,
    );
    expect(
      publicSub.received
        .filter((r) => r.method === 'GET')
        .map((r) => new URL(r.url, 'http://x').searchParams.get('hub.mode')),
    ).toEqual(['subscribe', 'unsubscribe']);

    // A two-second lease lapses.
    await hubRequest(hub.url, {
      'hub.mode': 'subscribe',
      'hub.topic': topic('world.json'),
      'hub.callback': shortSub.url,
      'hub.lease_seconds': '2',
    });
    await waitFor(async () =>
      (await subscriptionStatus(shortSub.url)) === 'active' ? true : undefined,
    );
    await waitFor(
      async () => ((await subscriptionStatus(shortSub.url)) === 'expired' ? true : undefined),
      { timeoutMs: 10_000 },
    );

    // Subscribing again renews the lapsed lease (§5.1), keeping the subscription's identity.
    const [before] = await world.database.db.query<{ id: string }>(
      'SELECT id FROM websub_subscriptions WHERE callback = $1',
      [shortSub.url],
    );
    await hubRequest(hub.url, {
      'hub.mode': 'subscribe',
      'hub.topic': topic('world.json'),
      'hub.callback': shortSub.url,
      'hub.lease_seconds': '2',
    });
    await waitFor(async () =>
      (await subscriptionStatus(shortSub.url)) === 'active' ? true : undefined,
    );
    const [after] = await world.database.db.query<{ id: string }>(
      'SELECT id FROM websub_subscriptions WHERE callback = $1',
      [shortSub.url],
    );
    expect(after?.id).toBe(before?.id);
    await waitFor(
      async () => ((await subscriptionStatus(shortSub.url)) === 'expired' ? true : undefined),
      {
        timeoutMs: 10_000,
      },
    );

    edition = 2;
    await world.publish([story('websub-2')]);
    await waitFor(() => (partnerSub.accepted().length >= 2 ? true : undefined), {
      describe: () => hub.output(),
    });
    expect(partnerSub.accepted()[1]?.body.toString('utf8')).toContain('edition 2');
    expect(publicSub.accepted()).toHaveLength(1);
    expect(shortSub.accepted()).toHaveLength(0);
  });
});
