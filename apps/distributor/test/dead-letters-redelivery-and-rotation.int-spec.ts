import { readTopic, testKafka, waitFor, type AppProcess } from '@depeche/testing';
import { ADMIN_TOKEN, DistributorWorld, story } from './distributor-harness';
import { verifyDepecheSignature } from './documented-verifier';
import { Receiver } from './receiver';

async function admin(
  app: AppProcess,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(`${app.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Issue 6: permanent refusals are dead letters an operator sees and redelivers; 410 disables; secrets rotate with an overlap. */
describe('dead letters, redelivery, 410 and secret rotation', () => {
  let world: DistributorWorld;
  const worlds: DistributorWorld[] = [];
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    world = await DistributorWorld.create(1);
    worlds.push(world);
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    for (const each of worlds) await each.cleanup();
  });

  it('dead-letters a 400 with its reason, redelivers it on request, disables on 410, signs with both secrets in the overlap', async () => {
    const app = await world.startDistributor();
    const refusing = await Receiver.start(() => ({ status: 400 }));
    const gone = await Receiver.start(() => ({ status: 410 }));
    receivers.push(refusing, gone);
    await world.partner('strict');
    await world.partner('closed');
    const strict = await world.webhook(app, 'strict', refusing.url, 'atom');
    const closed = await world.webhook(app, 'closed', gone.url, 'json');

    // Refused without a token, and a private URL outside the allow-list is refused.
    expect((await fetch(`${app.url}/admin/deliveries`)).status).toBe(401);
    // The admin token is taken only as Authorization: Bearer, never as X-API-Key.
    const asApiKey = await fetch(`${app.url}/admin/deliveries`, {
      headers: { 'x-api-key': ADMIN_TOKEN },
    });
    expect([asApiKey.status, asApiKey.headers.get('content-type')]).toEqual([
      401,
      expect.stringMatching(/^application\/problem\+json/),
    ]);
    // Fastify's own refusals are problem details too: a malformed JSON body, and a path whose
    // percent-encoding is invalid (refused by Fastify's router before any handler).
    const malformed = await fetch(`${app.url}/admin/partners/strict/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: '{bad json',
    });
    const badUrl = await admin(app, 'PATCH', '/admin/webhooks/%E0%A4%A', {});
    for (const refused of [malformed, badUrl]) {
      expect([refused.status, refused.headers.get('content-type')]).toEqual([
        400,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
    const privateUrl = await admin(app, 'POST', '/admin/partners/strict/webhooks', {
      url: 'http://10.1.2.3/hook',
      format: 'atom',
    });
    expect(privateUrl.status).toBe(422);

    await world.publish([story('dead-1')]);
    const dead = await waitFor(async () => {
      const list = (await (
        await admin(app, 'GET', `/admin/deliveries?status=dead&target=${strict.id}`)
      ).json()) as {
        id: string;
        lastError: string;
        attempts: number;
      }[];
      return list.length === 1 ? list[0] : undefined;
    });
    expect(dead).toMatchObject({ lastError: 'HTTP 400 (permanent)', attempts: 1 });
    expect(refusing.received).toHaveLength(1); // not retried

    await waitFor(async () => {
      const response = await admin(app, 'GET', `/admin/partners/closed/webhooks`);
      const [endpoint] = (await response.json()) as { status: string; disabledReason?: string }[];
      return endpoint?.status === 'disabled' ? endpoint : undefined;
    });
    expect(gone.received).toHaveLength(1);
    expect(closed.id).toBeTruthy();

    // The partner fixes its side; the operator redelivers; it is delivered, same idempotency key.
    refusing.answer(() => ({ status: 204 }));
    const rotated = (await (
      await admin(app, 'POST', `/admin/webhooks/${strict.id}/rotate-secret`, { overlapHours: 1 })
    ).json()) as {
      secret: string;
    };
    // Senders cache an endpoint for a second (README: a rotation applies within a second).
    await new Promise((r) => setTimeout(r, 1_500));
    const redelivered = await admin(app, 'POST', `/admin/deliveries/${dead.id}/redeliver`);
    expect(await redelivered.json()).toEqual({ redelivered: 1 });
    await waitFor(() => (refusing.accepted().length === 1 ? true : undefined), {
      describe: () => app.output(),
    });
    const [first, second] = refusing.received;
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    expect(second?.headers['x-depeche-delivery']).toBe(dead.id);
    // During the overlap the header carries both signatures, the new secret's first; each verifies.
    const header = String(second?.headers['x-depeche-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyDepecheSignature(header, rotated.secret, second?.body ?? Buffer.alloc(0))).toBe(
      true,
    );
    expect(verifyDepecheSignature(header, strict.secret, second?.body ?? Buffer.alloc(0))).toBe(
      true,
    );

    // Operators are told of each outcome on ops.events (apps/ops/README.md).
    const reports = await readTopic(testKafka(), world.opsEvents, (m) => m.length >= 3);
    const outcomes = reports.map(
      (m) =>
        JSON.parse(String(m.value)) as { outcome: string; partnerId: string; statusCode?: number },
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'dead', partnerId: 'strict', statusCode: 400 }),
        expect.objectContaining({ outcome: 'dead', partnerId: 'closed', statusCode: 410 }),
        expect.objectContaining({ outcome: 'delivered', partnerId: 'strict', statusCode: 204 }),
      ]),
    );
  });

  it('gives up after the maximum attempts and the maximum age, dead-letters with the reason, and sends a disabled endpoint nothing more', async () => {
    // A world of its own: the distributor of the test above would share the work with other limits.
    const world = await DistributorWorld.create(1);
    worlds.push(world);
    // Three attempts at most, ten seconds at most: the two limits of the issue, made short.
    const app = await world.startDistributor({
      DISTRIBUTOR_MAX_ATTEMPTS: '3',
      DISTRIBUTOR_MAX_AGE_SECONDS: '10',
      DISTRIBUTOR_RETRY_INITIAL_MS: '100',
      DISTRIBUTOR_RETRY_MAX_MS: '300',
    });
    const failing = await Receiver.start(() => ({ status: 500 }));
    const slowlyFailing = await Receiver.start(() => ({
      status: 503,
      headers: { 'retry-after': '6' },
    }));
    const gone = await Receiver.start(() => ({ status: 410 }));
    const healthy = await Receiver.start(() => ({ status: 204 }));
    receivers.push(failing, slowlyFailing, gone, healthy);
    for (const id of ['tired', 'patient', 'leaving', 'fine']) await world.partner(id);
    const tired = await world.webhook(app, 'tired', failing.url, 'ninjs');
    const patient = await world.webhook(app, 'patient', slowlyFailing.url, 'ninjs');
    await world.webhook(app, 'leaving', gone.url, 'ninjs');
    await world.webhook(app, 'fine', healthy.url, 'ninjs');

    await world.publish([story('limits-1')]);
    const deadOf = async (targetId: string) => {
      const list = (await (
        await admin(app, 'GET', `/admin/deliveries?status=dead&target=${targetId}`)
      ).json()) as { lastError: string; attempts: number }[];
      return list.length === 1 ? list[0] : undefined;
    };
    const exhausted = await waitFor(() => deadOf(tired.id), { describe: () => app.output() });
    expect(exhausted?.attempts).toBe(3);
    expect(exhausted?.lastError).toMatch(/^gave up after 3 attempts: HTTP 500/);
    expect(failing.received).toHaveLength(3);
    // Retry-After 6 s: the second retry would come 12 s after the first attempt, past the ten
    // seconds: it gives up on age before the third attempt.
    const aged = await waitFor(() => deadOf(patient.id), {
      describe: () => app.output(),
      timeoutMs: 30_000,
    });
    expect(aged?.lastError).toMatch(/^gave up after 10 s: HTTP 503/);
    expect(slowlyFailing.received).toHaveLength(2);

    // The 410 disabled `leaving`: a later story reaches the healthy partner and not it.
    await waitFor(() => (gone.received.length === 1 ? true : undefined));
    await world.publish([story('limits-2')]);
    await waitFor(() => (healthy.accepted().length === 2 ? true : undefined), {
      describe: () => app.output(),
    });
    expect(gone.received).toHaveLength(1);
  });
});
