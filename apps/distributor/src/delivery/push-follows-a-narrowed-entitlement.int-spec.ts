import type { Article } from '@depeche/article';
import {
  ArticleStore,
  DeliveryRenditions,
  FeedReadModel,
  migrate,
  MIGRATIONS,
  PartnerStore,
  WebhookEndpointStore,
  type Delivery,
} from '@depeche/persistence';
import {
  sampleArticle,
  TEST_DATABASES,
  sampleEntitlement,
  type TestDatabase,
} from '@depeche/testing';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAllowList } from '../config/allow-list';
import { SecretBox } from '../crypto/secret-box';
import type { Rendition } from '@depeche/renderers';
import { renderPush } from '../fanout/push-rendition';
import { AddressPolicy } from '../net/address-policy';
import { safeLookup } from '../net/safe-lookup';
import { WebhookSender } from './webhook.sender';

const now = new Date('2025-07-04T15:00:00.000Z');

/**
 * Issue 5: pull and push never disagree. A delivery queued under one entitlement and sent after an
 * operator narrowed it (a retry, a version held for its embargo, a backlog) is judged again at
 * send time, against the stored version and the partner as they are now, on both databases and
 * through a real HTTP receiver.
 */
describe.each(TEST_DATABASES)(
  'a push sent after the entitlement changed, on %s',
  (_name, create) => {
    let database: TestDatabase;
    let server: Server;
    const received: { body: string; version: string | undefined }[] = [];
    let partners: PartnerStore;
    let sender: () => WebhookSender;
    const article: Article = sampleArticle({ version: 1, sections: ['international'] });

    /** The full-text ninjs rendition of a version, stored as the fan-out stores it. */
    async function storeRendition(version: Article): Promise<Rendition> {
      const rendition = renderPush('ninjs', version, 'full', now, 'http://feeds.test');
      await DeliveryRenditions.put(
        database.db,
        [
          {
            guid: version.guid,
            version: version.version,
            format: 'ninjs',
            level: 'full',
            embargoed: false,
            mediaType: rendition.mediaType,
            body: rendition.body.toString('utf8'),
          },
        ],
        now,
      );
      return rendition;
    }

    beforeAll(async () => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({
            body: Buffer.concat(chunks).toString('utf8'),
            version: req.headers['x-depeche-version'] as string | undefined,
          });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      database = await create();
      await migrate(database.db, MIGRATIONS);
      partners = new PartnerStore(database.db);
      await partners.createPartner({ id: 'p1', name: 'p1', entitlement: sampleEntitlement() });
      const box = new SecretBox(randomBytes(32));
      const { port } = server.address() as AddressInfo;
      await new WebhookEndpointStore(database.db).create({
        id: 'w1',
        partnerId: 'p1',
        url: `http://127.0.0.1:${port}/hook`,
        format: 'ninjs',
        secret: box.seal('whsec_test', 'w1'),
      });
      await new ArticleStore(database.db).storeBatch(
        [{ eventId: 'e1', article, receivedAt: now.toISOString() }],
        (incoming) => ({
          topic: 'syndication.items',
          key: incoming.article.id,
          value: '{}',
          headers: {},
        }),
      );
      await storeRendition(article);
      // A sender per step: its caches (a second for partners) would otherwise hold the old entitlement.
      sender = () =>
        new WebhookSender(
          new WebhookEndpointStore(database.db),
          new DeliveryRenditions(database.db),
          box,
          { partners, articles: new FeedReadModel(database.db) },
          {
            timeoutMs: 5_000,
            lookup: safeLookup(
              new AddressPolicy(parseAllowList('127.0.0.0/8') ?? { cidrs: [], hosts: [] }),
            ),
            publicBaseUrl: 'http://feeds.test',
          },
        );
    });

    afterAll(async () => {
      await new Promise((r) => server.close(r));
      await database.drop();
    });

    const delivery: Delivery = {
      id: 'd1',
      kind: 'webhook',
      targetId: 'w1',
      articleId: article.id,
      guid: article.guid,
      version: 1,
      change: 'published',
      format: 'ninjs',
      level: 'full',
      embargoed: false,
      notBefore: now.toISOString(),
      storedAt: now.toISOString(),
      status: 'in_flight',
      attempts: 1,
      dueAt: now.toISOString(),
      createdAt: now.toISOString(),
    };
    const fullText = 'Loukachenko';

    it('sends the planned full text while the entitlement is unchanged', async () => {
      const report = await sender().send(delivery, now);
      expect(report).toMatchObject({
        kind: 'attempted',
        result: { kind: 'response', status: 204 },
      });
      expect(received).toHaveLength(1);
      expect(received[0]?.body).toContain('"bodies"');
      expect(received[0]?.body).toContain(fullText);
    });

    it('sends a summary, rendered now, once the partner was narrowed to summaries', async () => {
      await partners.updatePartner('p1', {
        entitlement: sampleEntitlement({ contentLevel: 'summary' }),
      });
      const report = await sender().send(delivery, now);
      expect(report.kind).toBe('attempted');
      expect(received).toHaveLength(2);
      expect(received[1]?.body).not.toContain('"bodies"');
    });

    it('sends nothing, and says why, once the section left the entitlement', async () => {
      await partners.updatePartner('p1', {
        entitlement: sampleEntitlement({ sections: ['sport'] }),
      });
      expect(await sender().send(delivery, now)).toEqual({
        kind: 'dead',
        reason: 'the partner is no longer entitled to this version (section)',
      });
      expect(received).toHaveLength(2);
    });

    it('still sends a withdrawal there, its canceled state: the partner was given the story', async () => {
      const withdrawn: Article = {
        ...article,
        version: 2,
        change: 'withdrawn',
        withdrawnAt: now.toISOString(),
      };
      // The fan-out stores a withdrawal's rendition at the level planned when it was queued.
      const canceled = await storeRendition(withdrawn);
      const report = await sender().send({ ...delivery, version: 2, change: 'withdrawn' }, now);
      expect(report.kind).toBe('attempted');
      expect(received).toHaveLength(3);
      expect(received[2]?.version).toBe('2');
      expect(received[2]?.body).toBe(canceled.body.toString('utf8'));
      expect(received[2]?.body).toContain('"pubStatus": "canceled"');
    });
  },
);
