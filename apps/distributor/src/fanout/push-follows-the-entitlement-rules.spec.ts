import type { Article, SyndicationItem } from '@depeche/article';
import type { Entitlement, Partner } from '@depeche/entitlements';
import type { WebhookEndpoint } from '@depeche/persistence';
import { sampleArticle } from '@depeche/testing';
import { planDeliveries } from './plan-deliveries';
import { itemOf } from '../test-support/items-message';
import type { PushTargets } from './push-targets';

const now = new Date('2025-07-04T15:00:00.000Z');
const entitlement: Entitlement = {
  sections: ['international'],
  languages: ['fr'],
  territories: [],
  contentLevel: 'summary',
  formats: ['ninjs', 'newsml'],
  embargo: 'on-lift',
};

function partner(id: string, changes: Partial<Entitlement> = {}): Partner {
  return { id, name: id, status: 'active', entitlement: { ...entitlement, ...changes } };
}

function endpoint(
  id: string,
  partnerId: string,
  format: WebhookEndpoint['format'] = 'ninjs',
): WebhookEndpoint {
  return {
    id,
    partnerId,
    url: 'http://127.0.0.1/hook',
    format,
    status: 'active',
    secret: 'sealed',
    createdAt: '',
    updatedAt: '',
  };
}

const item = (article: Article): SyndicationItem => itemOf(article, now);

function targets(...webhooks: [WebhookEndpoint, Partner][]): PushTargets {
  return { webhooks: webhooks.map(([e, p]) => ({ endpoint: e, partner: p })), websub: [] };
}

let n = 0;
const newId = () => `d${++n}`;

describe('push fan-out', () => {
  it('goes to entitled partners only, at their level, in a format they may use', () => {
    const plan = planDeliveries(
      [item(sampleArticle())],
      targets(
        [endpoint('a', 'pa'), partner('pa')],
        [endpoint('b', 'pb'), partner('pb', { sections: ['sport'] })],
        [endpoint('c', 'pc', 'atom'), partner('pc')], // atom is not among pc's formats
      ),
      new Set(),
      now,
      newId,
    );
    expect(plan.deliveries.map((d) => [d.targetId, d.level, d.notBefore])).toEqual([
      ['a', 'summary', now.toISOString()],
    ]);
    expect(plan.renditions).toHaveLength(1);
  });

  it('holds an embargoed version until it lifts, unless the partner takes early delivery', () => {
    const lift = '2025-07-04T18:00:00.000Z';
    const plan = planDeliveries(
      [item(sampleArticle({ embargoUntil: lift }))],
      targets(
        [endpoint('wait', 'pw'), partner('pw')],
        [endpoint('early', 'pe'), partner('pe', { embargo: 'early' })],
      ),
      new Set(),
      now,
      newId,
    );
    expect(plan.deliveries.map((d) => [d.targetId, d.notBefore, d.embargoed])).toEqual([
      ['wait', lift, false],
      ['early', now.toISOString(), true],
    ]);
  });

  it('sends a withdrawal only where the story went, even within one batch', () => {
    const published = sampleArticle();
    const withdrawn = sampleArticle({
      version: 2,
      change: 'withdrawn',
      withdrawnAt: now.toISOString(),
    });
    const both = planDeliveries(
      [item(published), item(withdrawn)],
      targets([endpoint('a', 'pa'), partner('pa')], [endpoint('b', 'pb', 'newsml'), partner('pb')]),
      new Set(),
      now,
      newId,
    );
    expect(both.deliveries.map((d) => `${d.targetId} v${d.version} ${d.change}`)).toEqual([
      'a v1 published',
      'b v1 published',
      'a v2 withdrawn',
      'b v2 withdrawn',
    ]);
    const alone = planDeliveries(
      [item(withdrawn)],
      targets([endpoint('a', 'pa'), partner('pa')], [endpoint('b', 'pb', 'newsml'), partner('pb')]),
      new Set([`a|${published.id}`]),
      now,
      newId,
    );
    expect(alone.deliveries.map((d) => d.targetId)).toEqual(['a']);
  });
});
