import type { Rights } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { visibility, type Entitlement } from '.';

const NOW = new Date('2025-07-04T16:00:00.000Z');
const base = sampleArticle().rights;

function seenBy(territories: string[], rights: Partial<Rights>): boolean {
  const entitlement: Entitlement = {
    sections: ['international'],
    languages: [],
    territories,
    contentLevel: 'summary',
    formats: ['rss'],
    embargo: 'on-lift',
  };
  return visibility(entitlement, sampleArticle({ rights: { ...base, ...rights } }), NOW).visible;
}

describe('territory rights', () => {
  it('admit a partner when every territory it publishes in is allowed', () => {
    expect(seenBy(['BE', 'LU'], { allowedTerritories: ['BE', 'LU', 'NL'] })).toBe(true);
    expect(seenBy(['BE', 'LU'], { allowedTerritories: ['BE'] })).toBe(false);
  });

  it('read an empty allowed list as everywhere not denied', () => {
    expect(seenBy(['FR'], { deniedTerritories: ['CH'] })).toBe(true);
    expect(seenBy(['FR', 'CH'], { deniedTerritories: ['CH'] })).toBe(false);
  });

  it('let denied win over allowed', () => {
    expect(seenBy(['BE'], { allowedTerritories: ['BE'], deniedTerritories: ['BE'] })).toBe(false);
  });

  it('compare partner codes case-insensitively', () => {
    expect(seenBy(['be'], { allowedTerritories: ['BE'] })).toBe(true);
    expect(seenBy(['ch'], { deniedTerritories: ['CH'] })).toBe(false);
  });

  it('give a partner with no territories (worldwide) only unrestricted stories', () => {
    expect(seenBy([], {})).toBe(true);
    expect(seenBy([], { allowedTerritories: ['BE'] })).toBe(false);
    expect(seenBy([], { deniedTerritories: ['US'] })).toBe(false);
  });
});
