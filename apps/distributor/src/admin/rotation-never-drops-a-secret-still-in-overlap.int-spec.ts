import { Problem } from '@depeche/observability';
import { migrate, MIGRATIONS, PartnerStore, WebhookEndpointStore } from '@depeche/persistence';
import { createSqliteTestDatabase, sampleEntitlement, type TestDatabase } from '@depeche/testing';
import { randomBytes } from 'node:crypto';
import { parseAllowList } from '../config/allow-list';
import { SecretBox } from '../crypto/secret-box';
import { AddressPolicy } from '../net/address-policy';
import { WebhookAdmin } from './webhook-admin';

const HOUR = 3_600_000;

/**
 * Issue 6: secrets rotate with an overlap, both signing meanwhile. A second rotation during the
 * overlap would drop the oldest secret while receivers may still verify with it only: refused,
 * unless the operator ends the overlap at once (overlapHours 0, as after a leak).
 */
describe('rotating a webhook secret', () => {
  let database: TestDatabase;
  let endpoints: WebhookEndpointStore;
  let admin: WebhookAdmin;
  let now = new Date('2025-07-04T15:00:00.000Z');
  let id = '';
  const box = new SecretBox(randomBytes(32));

  beforeEach(async () => {
    now = new Date('2025-07-04T15:00:00.000Z');
    database = createSqliteTestDatabase();
    await migrate(database.db, MIGRATIONS);
    const partners = new PartnerStore(database.db);
    endpoints = new WebhookEndpointStore(database.db);
    await partners.createPartner({ id: 'p1', name: 'p1', entitlement: sampleEntitlement() });
    admin = new WebhookAdmin(
      endpoints,
      partners,
      box,
      // The tests allow loopback, as the issue says.
      new AddressPolicy(parseAllowList('127.0.0.0/8') ?? { cidrs: [], hosts: [] }),
      () => now,
    );
    id = (await admin.create('p1', { url: 'http://127.0.0.1:9/hook', format: 'ninjs' })).endpoint
      .id;
  });

  afterEach(() => database.drop());

  /** The secrets that sign now, in clear: the current one, and the previous while it overlaps. */
  async function signing(): Promise<string[]> {
    const endpoint = await endpoints.get(id);
    if (!endpoint) throw new Error('no endpoint');
    const previous =
      endpoint.previousSecret !== undefined &&
      (endpoint.previousSecretUntil ?? '') > now.toISOString()
        ? [box.open(endpoint.previousSecret, id)]
        : [];
    return [box.open(endpoint.secret, id), ...previous];
  }

  it('keeps the previous secret signing through the overlap', async () => {
    const [original] = await signing();
    const { secret } = await admin.rotate(id, { overlapHours: 24 });
    expect(await signing()).toEqual([secret, original]);
  });

  it('refuses a second rotation while the first overlap lasts, and keeps both secrets', async () => {
    const [original] = await signing();
    const first = await admin.rotate(id, { overlapHours: 24 });
    now = new Date(now.getTime() + 2 * HOUR);
    const refusal = await admin.rotate(id, { overlapHours: 24 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Problem);
    expect((refusal as Problem).status).toBe(409);
    expect(await signing()).toEqual([first.secret, original]);
  });

  it('rotates again once the overlap has ended', async () => {
    const first = await admin.rotate(id, { overlapHours: 1 });
    now = new Date(now.getTime() + 2 * HOUR);
    const second = await admin.rotate(id, { overlapHours: 24 });
    expect(await signing()).toEqual([second.secret, first.secret]);
  });

  it('with overlapHours 0 during an overlap, stops signing with both older secrets at once', async () => {
    await admin.rotate(id, { overlapHours: 24 });
    now = new Date(now.getTime() + HOUR);
    const fresh = await admin.rotate(id, { overlapHours: 0 });
    expect(await signing()).toEqual([fresh.secret]);
  });

  it('lets one of two rotations at once win, and the other get 409, never a secret that does not sign', async () => {
    const [original] = await signing();
    const results = await Promise.allSettled([
      admin.rotate(id, { overlapHours: 24 }),
      admin.rotate(id, { overlapHours: 24 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect([won.length, lost.length]).toEqual([1, 1]);
    expect(((lost[0] as PromiseRejectedResult).reason as Problem).status).toBe(409);
    const winner = (won[0] as PromiseFulfilledResult<{ secret: string }>).value;
    expect(await signing()).toEqual([winner.secret, original]);
  });
});
