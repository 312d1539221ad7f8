import type { Article, SyndicationItem } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { planDeliveries, REVOKED_LEVEL } from './plan-deliveries';
import { renderPush, revokedArticle } from './push-rendition';
import { itemOf } from '../test-support/items-message';
import { oneWebhookTargets } from '../test-support/one-webhook-partner';

const now = new Date('2025-07-04T15:00:00.000Z');
const targets = oneWebhookTargets();

const v1 = sampleArticle();
const moved: Article = {
  ...v1,
  version: 2,
  change: 'updated',
  sections: ['culture'],
  headline: 'Titre de la version culture',
  language: 'nl',
  canonicalUrl: 'https://webradio-media.example/cultuur/geheime-titel',
  authors: [{ name: 'Anna Verborgen', role: 'writer' }],
  rights: { ...v1.rights, deniedTerritories: ['LU'] },
};

const item = (article: Article): SyndicationItem => itemOf(article, now);

let n = 0;
const newId = () => `d${++n}`;

/**
 * A webhook that was given a version keeps it until told otherwise: when the story moves out of
 * its partner's entitlement (here, to a section it lacks), it gets a `revoked` delivery, once.
 */
describe('a story leaving a webhook partner’s entitlement', () => {
  it('is revoked to the webhook that holds an earlier version, with its canceled state keyed apart', () => {
    const plan = planDeliveries([item(moved)], targets, new Set(['w1|' + v1.id]), now, newId);
    expect(plan.deliveries.map((d) => [d.targetId, d.version, d.change, d.level])).toEqual([
      ['w1', 2, 'revoked', REVOKED_LEVEL],
    ]);
    expect(plan.renditions.map((r) => r.key.level)).toEqual([REVOKED_LEVEL]);
  });

  it('is not revoked to a webhook that never had it, nor again once revoked or withdrawn', () => {
    expect(planDeliveries([item(moved)], targets, new Set(), now, newId).deliveries).toEqual([]);
    const history = new Set(['w1|' + v1.id]);
    const again = { ...moved, version: 3, headline: 'Encore' };
    // The newest delivery to w1 was a revocation or a withdrawal: it holds nothing any more.
    const ended = new Set(['w1|' + v1.id]);
    expect(planDeliveries([item(again)], targets, history, now, newId, ended).deliveries).toEqual(
      [],
    );
    // In one batch: published, moved away, moved further: one publication, one revocation.
    const batch = planDeliveries(
      [item(v1), item(moved), item(again)],
      targets,
      new Set(),
      now,
      newId,
    );
    expect(batch.deliveries.map((d) => [d.version, d.change])).toEqual([
      [1, 'published'],
      [2, 'revoked'],
    ]);
  });

  it('is not revoked while an embargo hides the new version: that comes at the lift', () => {
    const embargoed = {
      ...v1,
      version: 2,
      change: 'updated' as const,
      embargoUntil: '2025-07-05T00:00:00.000Z',
    };
    const plan = planDeliveries([item(embargoed)], targets, new Set(['w1|' + v1.id]), now, newId);
    expect(plan.deliveries.map((d) => [d.change, d.notBefore])).toEqual([
      ['updated', '2025-07-05T00:00:00.000Z'],
    ]);
  });

  it.each(['ninjs', 'newsml', 'json', 'atom'] as const)(
    'carries in %s the canceled state, with nothing of the version the partner may not see',
    (format) => {
      const body = renderPush(
        format,
        revokedArticle(moved, now, 'http://feeds.test'),
        'headline',
        now,
        'http://x',
      ).body.toString('utf8');
      expect(body).toContain(format === 'json' ? '"items": []' : v1.guid);
      for (const fact of ['culture', 'Loukachenko', 'geheime-titel', 'Verborgen', '"nl"', 'LU']) {
        expect(body).not.toContain(fact);
      }
    },
  );
});
