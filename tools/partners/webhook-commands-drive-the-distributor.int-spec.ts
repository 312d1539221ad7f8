import { migrate, MIGRATIONS, PartnerStore } from '@depeche/persistence';
import {
  createPostgresTestDatabase,
  sampleEntitlement,
  startAppProcess,
  testBrokers,
  testTopics,
  uniqueName,
  type AppProcess,
  type TestDatabase,
  type TestTopics,
} from '@depeche/testing';
import { randomBytes } from 'node:crypto';
import { partnersCli } from './test-support/partners-cli-runner';

const ADMIN_TOKEN = 'cli-admin-token-0123456789';

interface EndpointJson {
  id: string;
  status: string;
  url: string;
  previousSecretUntil?: string;
}

/**
 * The partners CLI's webhook commands against a real distributor (issue 6: redelivery and
 * rotation through the admin API and the CLI). The CLI runs in-process, with the distributor's
 * address and token only: no database of its own.
 */
describe('the partners CLI’s webhook commands', () => {
  let database: TestDatabase;
  let topics: TestTopics;
  let distributor: AppProcess;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    await migrate(database.db, MIGRATIONS);
    await new PartnerStore(database.db).createPartner({
      id: 'le-soir',
      name: 'Le Soir',
      entitlement: sampleEntitlement(),
    });
    topics = await testTopics();
    distributor = await startAppProcess('distributor', {
      ...database.env,
      KAFKA_BROKERS: testBrokers().join(','),
      ITEMS_TOPIC: await topics.create('syndication.items'),
      DISTRIBUTOR_DLQ_TOPIC: await topics.create('syndication.items.dlq'),
      OPS_EVENTS_TOPIC: await topics.create('ops.events'),
      DISTRIBUTOR_GROUP_ID: uniqueName('distributor'),
      DISTRIBUTOR_SECRET_KEY: randomBytes(32).toString('base64'),
      DISTRIBUTOR_ADMIN_TOKEN: ADMIN_TOKEN,
      DISTRIBUTOR_WEBHOOK_ALLOW: '127.0.0.0/8',
    });
    env = { DISTRIBUTOR_URL: distributor.url, DISTRIBUTOR_ADMIN_TOKEN: ADMIN_TOKEN };
  });

  afterAll(async () => {
    await distributor?.stop();
    await topics?.cleanup();
    await database?.drop();
  });

  const { run, ok } = partnersCli(() => env);

  it('adds, lists, disables and enables a webhook, never printing a secret but once', async () => {
    const added = await ok<{ endpoint: EndpointJson; secret: string }>(
      'add-webhook',
      'le-soir',
      'http://127.0.0.1:9/hook',
      'ninjs',
    );
    expect(added.secret).toMatch(/^whsec_/);
    const { id } = added.endpoint;
    const listed = await run('list-webhooks', 'le-soir');
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id, status: 'active', url: 'http://127.0.0.1:9/hook' }),
    ]);
    expect(listed.out).not.toContain(added.secret);
    expect(listed.out).not.toContain('"secret"');
    expect((await ok<EndpointJson>('disable-webhook', id)).status).toBe('disabled');
    expect((await ok<EndpointJson>('enable-webhook', id)).status).toBe('active');
  });

  it('rotates a secret with an overlap, and refuses a second rotation during it with the reason', async () => {
    const [endpoint] = await ok<EndpointJson[]>('list-webhooks', 'le-soir');
    const id = endpoint?.id ?? '';
    const rotated = await ok<{ endpoint: EndpointJson; secret: string }>(
      'rotate-webhook-secret',
      id,
      '2',
    );
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(Date.parse(rotated.endpoint.previousSecretUntil ?? '')).toBeGreaterThan(Date.now());
    // A mistyped overlap is refused, not read as the 24-hour default.
    const typo = await run('rotate-webhook-secret', id, '2h');
    expect(typo.code).toBe(1);
    expect(typo.err).toContain('400');
    const again = await run('rotate-webhook-secret', id);
    expect(again.code).toBe(1);
    expect(again.err).toContain('409');
    expect(again.err).toContain('still signs until');
  });

  it('lists dead letters, and answers the distributor’s refusals with exit 1 and usage errors with 2', async () => {
    expect(await ok<unknown[]>('dead-letters')).toEqual([]);
    const unknown = await run('redeliver', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('404');
    const privateUrl = await run('add-webhook', 'le-soir', 'http://10.1.2.3/hook', 'ninjs');
    expect(privateUrl.code).toBe(1);
    expect(privateUrl.err).toContain('422');
    expect((await run('add-webhook', 'le-soir')).code).toBe(2);
  });
});
