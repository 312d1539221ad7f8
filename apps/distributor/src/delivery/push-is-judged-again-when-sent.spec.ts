import type { Partner } from '@depeche/entitlements';
import { sampleArticle, sampleEntitlement } from '@depeche/testing';
import { judgeAtSend, SUSPENDED_RECHECK_MS } from './judge-at-send';

const now = new Date('2025-07-04T15:00:00.000Z');
const article = sampleArticle({ sections: ['international'], language: 'fr' });
/** As the fan-out planned it: full text, ninjs, no embargo marking. */
const planned = { change: 'published', format: 'ninjs', level: 'full', embargoed: false } as const;

function partner(changes: Partial<Partner['entitlement']> = {}, status = 'active'): Partner {
  return {
    id: 'p1',
    name: 'p1',
    status: status as Partner['status'],
    entitlement: sampleEntitlement(changes),
  };
}

describe('a queued webhook delivery judged again when it is sent', () => {
  it('goes as planned while the entitlement still covers it', () => {
    expect(judgeAtSend(planned, partner(), article, now)).toEqual({ kind: 'as-planned' });
  });

  it.each([
    ['section', { sections: ['sport'] }],
    ['language', { languages: ['nl'] }],
    ['territory', { territories: ['LU'] }],
  ])('is refused once the %s left the entitlement', (reason, changes) => {
    const restricted = sampleArticle({
      ...article,
      rights: { ...article.rights, allowedTerritories: ['FR'] },
    });
    expect(judgeAtSend(planned, partner(changes), restricted, now)).toEqual({
      kind: 'refused',
      reason: `the partner is no longer entitled to this version (${reason})`,
    });
  });

  it('is refused once the rights expired, and once the format left the entitlement', () => {
    const expired = sampleArticle({
      ...article,
      rights: { ...article.rights, expiresAt: '2025-07-04T14:59:00.000Z' },
    });
    expect(judgeAtSend(planned, partner(), expired, now)).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('rights-expired') as string,
    });
    expect(judgeAtSend(planned, partner({ formats: ['rss'] }), article, now)).toEqual({
      kind: 'refused',
      reason: "the partner's entitlement no longer includes the ninjs format",
    });
  });

  it('is rendered at the level the partner has now, with the embargo marking it was planned with', () => {
    expect(judgeAtSend(planned, partner({ contentLevel: 'summary' }), article, now)).toEqual({
      kind: 'render',
      level: 'summary',
    });
    // A retry of an early delivery after its lift keeps its marking: a newer version may have
    // extended the story's embargo since.
    const lifted = sampleArticle({ ...article, embargoUntil: '2025-07-04T14:45:00.000Z' });
    const early = { ...planned, embargoed: true };
    expect(judgeAtSend(early, partner({ embargo: 'early' }), lifted, now)).toEqual({
      kind: 'as-planned',
    });
  });

  it('is refused once the partner no longer takes early delivery of a story still embargoed', () => {
    const embargoed = sampleArticle({ ...article, embargoUntil: '2025-07-04T18:00:00.000Z' });
    expect(
      judgeAtSend({ ...planned, embargoed: true }, partner({ embargo: 'on-lift' }), embargoed, now),
    ).toEqual({
      kind: 'refused',
      reason:
        'the partner no longer takes embargoed stories early, and this version is still embargoed',
    });
  });

  it('waits while the partner is suspended', () => {
    expect(judgeAtSend(planned, partner({}, 'suspended'), article, now)).toEqual({
      kind: 'wait',
      until: new Date(now.getTime() + SUSPENDED_RECHECK_MS),
      reason: 'the partner is suspended',
    });
  });

  it('takes a story down wherever it went, entitled or not, and trusts the plan for a version the store lacks', () => {
    const outside = partner({ sections: ['sport'], formats: ['rss'] });
    for (const change of ['withdrawn', 'revoked'] as const) {
      expect(judgeAtSend({ ...planned, change }, outside, article, now)).toEqual({
        kind: 'as-planned',
      });
    }
    expect(judgeAtSend(planned, partner(), undefined, now)).toEqual({ kind: 'as-planned' });
    expect(judgeAtSend(planned, undefined, article, now)).toEqual({
      kind: 'refused',
      reason: 'the partner no longer exists',
    });
  });
});
