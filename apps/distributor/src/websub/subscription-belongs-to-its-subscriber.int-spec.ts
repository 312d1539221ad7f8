import { migrate, MIGRATIONS, PartnerStore, WebsubSubscriptionStore } from '@depeche/persistence';
import { sampleEntitlement, TEST_DATABASES, type TestDatabase } from '@depeche/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from '../config/allow-list';
import { SecretBox } from '../crypto/secret-box';
import { AddressPolicy } from '../net/address-policy';
import { safeLookup } from '../net/safe-lookup';
import { WebsubHub } from './websub-hub';

const FEED_API = 'http://feeds.test';
const TOPIC = `${FEED_API}/v1/feeds/world.atom`;
const NOW = new Date('2025-07-04T15:00:00.000Z');

/**
 * W3C WebSub §5.1, and one partner never sees another's feed: a subscription was (topic, callback)
 * alone, and a topic URL names a channel, not a partner. A second subscriber naming a partner's
 * callback renewed that row as its own (its partner, key and secret), so the callback got another
 * feed, and anyone could unsubscribe it. Two subscribes verified at once also sealed the secret
 * under an id the row did not get, and every push then failed.
 */
describe.each(TEST_DATABASES)('a WebSub subscription on %s', (_name, create) => {
  let database: TestDatabase;
  let callbacks: Server;
  let callback = '';
  let hub: WebsubHub;
  let hubOn: (subscriptions: WebsubSubscriptionStore, maxSubscriptions?: number) => WebsubHub;
  let store: WebsubSubscriptionStore;
  const box = new SecretBox(Buffer.alloc(32, 7));
  const keys: Record<string, string> = {};
  /** The race's verifications, held until both arrived. */
  const held: (() => void)[] = [];
  let verifiedTogether = false;

  beforeAll(async () => {
    database = await create();
    await migrate(database.db, MIGRATIONS);
    const partners = new PartnerStore(database.db);
    for (const id of ['a', 'b']) {
      await partners.createPartner({ id, name: id, entitlement: sampleEntitlement() });
      await partners.defineChannel({
        slug: 'world',
        partnerId: id,
        title: 'World',
        filter: { sections: [], keywords: [], languages: [] },
      });
      keys[id] = (await partners.issueKey(id)).key;
    }
    await partners.defineChannel({
      slug: 'news',
      title: 'News',
      filter: { sections: [], keywords: [], languages: [] },
      publicLevel: 'summary',
    });
    // A subscriber that confirms every intent, as one already subscribed would.
    callbacks = createServer((request, response) => {
      const url = new URL(request.url ?? '', 'http://x');
      const answer = (): void => {
        response.end(url.searchParams.get('hub.challenge') ?? '');
      };
      if (!url.searchParams.has('twice')) {
        answer();
        return;
      }
      // Both verifications of the race are answered together.
      held.push(answer);
      if (held.length === 2) {
        verifiedTogether = true;
        held.splice(0).forEach((send) => send());
      }
    });
    await new Promise<void>((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
    callback = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}/hook`;
    const policy = new AddressPolicy(parseAllowList('127.0.0.0/8') ?? { cidrs: [], hosts: [] });
    store = new WebsubSubscriptionStore(database.db);
    hubOn = (subscriptions, maxSubscriptions = 1_000) =>
      new WebsubHub(subscriptions, partners, box, policy, {
        feedApiUrl: FEED_API,
        lease: { min: 60, default: 3600, max: 86_400 },
        maxSubscriptions,
        timeoutMs: 5_000,
        lookup: safeLookup(policy),
        log: () => undefined,
      });
    hub = hubOn(store);
  });

  afterAll(async () => {
    await new Promise((resolve) => callbacks.close(resolve));
    await database.drop();
  });

  const form = (mode: string, hook: string, secret?: string) => ({
    'hub.mode': mode,
    'hub.topic': TOPIC,
    'hub.callback': hook,
    ...(secret ? { 'hub.secret': secret } : {}),
  });

  it('stays its subscriber’s: another is refused, and cannot end it', async () => {
    await hub.request(form('subscribe', callback, 'secret-of-a'), keys.a, NOW);
    await hub.settled();
    const held = await store.find(TOPIC, callback);
    expect(held?.partnerId).toBe('a');

    await expect(
      hub.request(form('subscribe', callback, 'secret-of-b'), keys.b, NOW),
    ).rejects.toMatchObject({ status: 409 });
    await expect(hub.request(form('unsubscribe', callback), undefined, NOW)).rejects.toMatchObject({
      status: 409,
    });
    await hub.settled();
    const still = await store.find(TOPIC, callback);
    expect(still?.partnerId).toBe('a');
    expect(box.open(still?.secret ?? '', still?.id ?? '')).toBe('secret-of-a');

    await hub.request(form('unsubscribe', callback), keys.a, NOW);
    await hub.settled();
    expect(await store.find(TOPIC, callback)).toBeUndefined();
  });

  it('keeps a secret it can open when two subscribes are verified at once', async () => {
    const hook = `${callback}?twice`;
    // Both verified, both look for the row before either writes it: the interleaving that broke.
    let looks = 0;
    let bothLooked = (): void => undefined;
    const barrier = new Promise<void>((resolve) => (bothLooked = resolve));
    const racing = Object.assign(Object.create(store) as WebsubSubscriptionStore, {
      find: async (topic: string, cb: string) => {
        const found = await store.find(topic, cb);
        if (cb === hook && verifiedTogether) {
          if (++looks === 2) bothLooked();
          await barrier;
        }
        return found;
      },
    });
    const racingHub = hubOn(racing);
    await Promise.all([
      racingHub.request(form('subscribe', hook, 'first'), keys.a, NOW),
      racingHub.request(form('subscribe', hook, 'second'), keys.a, NOW),
    ]);
    await racingHub.settled();
    expect(looks).toBe(2);
    const held = await store.find(TOPIC, hook);
    expect(['first', 'second']).toContain(box.open(held?.secret ?? '', held?.id ?? ''));
  });

  it('counts against its subscriber’s quota when new, not when renewed', async () => {
    const bounded = hubOn(store, 2);
    const hook = (n: number) => `${callback}?quota=${n}`;
    await bounded.request(form('subscribe', hook(1)), keys.b, NOW);
    await bounded.request(form('subscribe', hook(2)), keys.b, NOW);
    await bounded.settled();
    await expect(bounded.request(form('subscribe', hook(3)), keys.b, NOW)).rejects.toMatchObject({
      status: 403,
    });
    await bounded.request(form('subscribe', hook(1), 'renewed'), keys.b, NOW);
    await bounded.settled();
    const renewed = await store.find(TOPIC, hook(1));
    expect(box.open(renewed?.secret ?? '', renewed?.id ?? '')).toBe('renewed');
    expect(await store.find(TOPIC, hook(3))).toBeUndefined();
    // Another partner's quota is its own.
    await bounded.request(form('subscribe', hook(3)), keys.a, NOW);
    await bounded.settled();
    expect((await store.find(TOPIC, hook(3)))?.partnerId).toBe('a');
  });

  it('bounds the public’s subscriptions per callback origin', async () => {
    const bounded = hubOn(store, 2);
    const publicForm = (hook: string) => ({
      'hub.mode': 'subscribe',
      'hub.topic': `${FEED_API}/v1/feeds/news.atom`,
      'hub.callback': hook,
    });
    await bounded.request(publicForm(`${callback}?public=1`), undefined, NOW);
    await bounded.request(publicForm(`${callback}?public=2`), undefined, NOW);
    await bounded.settled();
    await expect(
      bounded.request(publicForm(`${callback}?public=3`), undefined, NOW),
    ).rejects.toMatchObject({ status: 403 });
    // Another origin (another port) has a quota of its own.
    const elsewhere = createServer((request, response) => {
      response.end(new URL(request.url ?? '', 'http://x').searchParams.get('hub.challenge') ?? '');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const other = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/hook?public=3`;
      await bounded.request(publicForm(other), undefined, NOW);
      await bounded.settled();
      expect(await store.find(`${FEED_API}/v1/feeds/news.atom`, other)).toBeDefined();
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });
});
