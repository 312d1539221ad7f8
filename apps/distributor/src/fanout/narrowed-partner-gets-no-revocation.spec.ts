import type { Article } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import type { NewestDelivery } from '@depeche/persistence';
import { heldNoLonger, versionKey } from './held-no-longer';
import { planDeliveries } from './plan-deliveries';
import { itemOf } from '../test-support/items-message';
import { oneWebhookTargets } from '../test-support/one-webhook-partner';

const now = new Date('2025-07-04T15:00:00.000Z');
const facts = (...articles: Article[]): Map<string, Article> =>
  new Map(articles.map((a) => [versionKey(a.id, a.version), a]));
/** storyHistory's newest delivery of `pair` (`target|article`). */
const newestOf = (pair: string, version: number): Map<string, NewestDelivery> => {
  const cut = pair.indexOf('|');
  return new Map([
    [pair, { targetId: pair.slice(0, cut), articleId: pair.slice(cut + 1), version }],
  ]);
};

/**
 * Pull and push agree on `revoked` (issue 5): the change stream judges what a partner held by its
 * entitlement today, so the fan-out does too. oneWebhookTargets: partner p1 (international, fr)
 * with webhook w1.
 */
describe('a story that left a partner with its entitlement, not by a change of its own', () => {
  const v1 = sampleArticle({ id: 'story|1', version: 1, sections: ['sport'] });
  const v2 = sampleArticle({ id: 'story|1', version: 2, sections: ['culture'] });
  const pair = 'w1|story|1';

  it('is held no longer where the version the webhook was given is outside the entitlement now', () => {
    const gone = heldNoLonger(newestOf(pair, 1), oneWebhookTargets(), facts(v1), now);
    expect([...gone]).toEqual([pair]);
    // So its next version, outside the entitlement too, is no revocation: the change stream is silent too.
    const plan = planDeliveries(
      [itemOf(v2, now)],
      oneWebhookTargets(),
      new Set([pair]),
      now,
      () => 'd',
      gone,
    );
    expect(plan.deliveries).toEqual([]);
  });

  it('is still held where that version is inside the entitlement, or hidden only by the clock', () => {
    const inside = sampleArticle({ id: 'story|1', version: 1, sections: ['international'] });
    const embargoed = sampleArticle({ ...inside, embargoUntil: '2025-07-05T00:00:00.000Z' });
    // The change stream judged it when recorded, before its rights ran out: it was held.
    const expired = sampleArticle({
      ...inside,
      rights: { ...inside.rights, expiresAt: '2025-07-04T14:00:00.000Z' },
    });
    for (const version of [inside, embargoed, expired]) {
      const gone = heldNoLonger(newestOf(pair, 1), oneWebhookTargets(), facts(version), now);
      expect(gone.size).toBe(0);
      // Then the story moving out of the view is revoked, as the change stream says `revoked`.
      const plan = planDeliveries(
        [itemOf(v2, now)],
        oneWebhookTargets(),
        new Set([pair]),
        now,
        () => 'd',
        gone,
      );
      expect(plan.deliveries.map((d) => d.change)).toEqual(['revoked']);
    }
  });

  it('is still held where the store lacks the version, or the target is no webhook of these targets', () => {
    expect(heldNoLonger(newestOf(pair, 1), oneWebhookTargets(), facts(), now).size).toBe(0);
    expect(
      heldNoLonger(newestOf('sub-9|story|1', 1), oneWebhookTargets(), facts(v1), now).size,
    ).toBe(0);
  });
});
