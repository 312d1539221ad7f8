import { sampleArticle } from '@depeche/testing';
import { visibility, type Entitlement } from '.';

const LIFT = '2025-07-04T18:00:00.000Z';
const embargoed = sampleArticle({ embargoUntil: LIFT });
const before = new Date('2025-07-04T17:59:59.999Z');
const atLift = new Date(LIFT);

const entitled = (embargo: Entitlement['embargo']): Entitlement => ({
  sections: ['international'],
  languages: ['fr'],
  territories: [],
  contentLevel: 'summary',
  formats: ['newsml'],
  embargo,
});

describe('an embargoed story', () => {
  it('reaches a partner entitled to early delivery before the lift, marked as embargoed', () => {
    expect(visibility(entitled('early'), embargoed, before)).toEqual({
      visible: true,
      level: 'summary',
      embargoed: true,
    });
  });

  it('is withheld from an on-lift partner until the lift', () => {
    expect(visibility(entitled('on-lift'), embargoed, before)).toEqual({
      visible: false,
      reason: 'embargo',
    });
  });

  it('is visible to both, unmarked, from the instant the embargo lifts', () => {
    for (const policy of ['early', 'on-lift'] as const) {
      expect(visibility(entitled(policy), embargoed, atLift)).toEqual({
        visible: true,
        level: 'summary',
        embargoed: false,
      });
    }
  });
});
