import { waitFor } from '@depeche/testing';
import { DistributorWorld, story } from './distributor-harness';
import { verifyDepecheSignature } from './documented-verifier';
import { Receiver } from './receiver';

/**
 * Issue 6 with the entitlement rules of issue 5: a partner that was pushed a version keeps it
 * until told otherwise. When a new version moves the story out of its entitlement, its webhook
 * gets `revoked`, signed, once, after the version it holds; the partner the story moved to gets
 * the version itself.
 */
describe('a story moving out of a partner’s entitlement', () => {
  let world: DistributorWorld;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    world = await DistributorWorld.create(1);
  });

  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await world.cleanup();
  });

  it('is revoked to the partner that had it, and pushed to the one it moved to', async () => {
    const distributor = await world.startDistributor();
    const before = await Receiver.start();
    const after = await Receiver.start();
    receivers.push(before, after);
    await world.partner('intl');
    await world.partner('arts', { sections: ['culture'] });
    const intl = await world.webhook(distributor, 'intl', before.url, 'ninjs');
    await world.webhook(distributor, 'arts', after.url, 'ninjs');

    await world.publish([story('moving', 1)]);
    await waitFor(() => (before.accepted().length === 1 ? true : undefined), {
      describe: () => distributor.output(),
    });
    await world.publish([
      story('moving', 2, { sections: ['culture'], headline: 'La version culture' }),
      story('moving', 3, { sections: ['culture'], headline: 'Encore la culture' }),
    ]);
    await waitFor(() => (after.accepted().length === 2 ? true : undefined), {
      describe: () => distributor.output(),
    });
    await waitFor(() => (before.accepted().length === 2 ? true : undefined), {
      describe: () => distributor.output(),
    });

    const [first, revocation] = before.accepted();
    expect([first, revocation].map((r) => r?.headers['x-depeche-event'])).toEqual([
      'published',
      'revoked',
    ]);
    expect(revocation?.headers['x-depeche-version']).toBe('2');
    const header = String(revocation?.headers['x-depeche-signature']);
    expect(verifyDepecheSignature(header, intl.secret, revocation?.body ?? Buffer.alloc(0))).toBe(
      true,
    );
    const canceled = JSON.parse(revocation?.body.toString('utf8') ?? '{}') as Record<
      string,
      unknown
    >;
    expect(canceled['pubStatus']).toBe('canceled');
    expect(revocation?.body.toString('utf8')).not.toContain('culture');
    expect(after.accepted().map((r) => r.headers['x-depeche-event'])).toEqual([
      'updated',
      'updated',
    ]);
    // Version 3 moved nothing more for `intl`: one revocation, not one per version.
    await world.publish([story('moving', 4, { sections: ['culture'] })]);
    await waitFor(() => (after.accepted().length === 3 ? true : undefined));
    expect(before.accepted()).toHaveLength(2);
  });
});
