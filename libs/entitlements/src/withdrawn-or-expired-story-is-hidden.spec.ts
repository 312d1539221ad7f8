import { sampleArticle } from '@depeche/testing';
import { visibility, type Entitlement } from '.';

const NOW = new Date('2025-07-04T16:00:00.000Z');
const SEES_EVERYTHING: Entitlement = {
  sections: ['international'],
  languages: [],
  territories: [],
  contentLevel: 'full',
  formats: ['rss'],
  embargo: 'early',
};
const rights = sampleArticle().rights;

describe('a withdrawn or expired story', () => {
  it('is visible to the partner before anything happens to it (the baseline)', () => {
    expect(visibility(SEES_EVERYTHING, sampleArticle(), NOW)).toEqual({
      visible: true,
      level: 'full',
      embargoed: false,
    });
  });

  it('leaves every feed at once when withdrawn, even one entitled to early delivery', () => {
    const withdrawn = sampleArticle({
      change: 'withdrawn',
      withdrawnAt: '2025-07-04T15:59:00.000Z',
      embargoUntil: '2025-07-05T00:00:00.000Z',
    });
    expect(visibility(SEES_EVERYTHING, withdrawn, NOW)).toEqual({
      visible: false,
      reason: 'withdrawn',
    });
  });

  it('is hidden from the instant its rights expire, visible the millisecond before', () => {
    const expiring = sampleArticle({
      rights: { ...rights, expiresAt: '2025-07-04T16:00:00.000Z' },
    });
    expect(visibility(SEES_EVERYTHING, expiring, NOW)).toEqual({
      visible: false,
      reason: 'rights-expired',
    });
    expect(visibility(SEES_EVERYTHING, expiring, new Date(NOW.getTime() - 1)).visible).toBe(true);
  });

  it('refuses a time it cannot read rather than treating it as no expiry', () => {
    const garbled = sampleArticle({ rights: { ...rights, expiresAt: 'demain' } });
    expect(() => visibility(SEES_EVERYTHING, garbled, NOW)).toThrow(/rights.expiresAt/);
  });
});
