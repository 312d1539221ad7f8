import { sampleArticle } from '@depeche/testing';
import { publicVisibility, type Channel } from '.';

const NOW = new Date('2025-07-04T16:00:00.000Z');
const rights = sampleArticle().rights;
const channel: Channel = {
  slug: 'international',
  title: 'International',
  filter: { sections: ['international'], keywords: [], languages: ['fr'] },
  language: 'fr',
};

describe('a public channel', () => {
  it('serves summaries by default, or the level it sets', () => {
    expect(publicVisibility(channel, sampleArticle(), NOW)).toEqual({
      visible: true,
      level: 'summary',
      embargoed: false,
    });
    expect(
      publicVisibility({ ...channel, publicLevel: 'headline' }, sampleArticle(), NOW),
    ).toMatchObject({ level: 'headline' });
  });

  it('never shows an embargoed story before the lift', () => {
    const embargoed = sampleArticle({ embargoUntil: '2025-07-04T18:00:00.000Z' });
    expect(publicVisibility(channel, embargoed, NOW)).toEqual({
      visible: false,
      reason: 'embargo',
    });
    expect(publicVisibility(channel, embargoed, new Date('2025-07-04T18:00:00.000Z')).visible).toBe(
      true,
    );
  });

  it('leaves out any story whose rights name territories, allowed or denied', () => {
    for (const restriction of [{ allowedTerritories: ['FR'] }, { deniedTerritories: ['US'] }]) {
      const restricted = sampleArticle({ rights: { ...rights, ...restriction } });
      expect(publicVisibility(channel, restricted, NOW)).toEqual({
        visible: false,
        reason: 'territory',
      });
    }
  });

  it('applies its filter, and drops withdrawn and expired stories', () => {
    expect(publicVisibility(channel, sampleArticle({ sections: ['sport'] }), NOW)).toEqual({
      visible: false,
      reason: 'channel',
    });
    expect(publicVisibility(channel, sampleArticle({ change: 'withdrawn' }), NOW)).toEqual({
      visible: false,
      reason: 'withdrawn',
    });
    const expired = sampleArticle({ rights: { ...rights, expiresAt: '2025-07-04T12:00:00.000Z' } });
    expect(publicVisibility(channel, expired, NOW)).toEqual({
      visible: false,
      reason: 'rights-expired',
    });
  });
});
