import { sampleArticle } from '@depeche/testing';
import { nextVisibilityChange } from '.';

const NOW = new Date('2025-07-04T16:00:00.000Z');
const rights = sampleArticle().rights;

describe('the next visibility change', () => {
  it('is nothing for a story with no embargo and no expiry', () => {
    expect(nextVisibilityChange(sampleArticle(), NOW)).toBeUndefined();
  });

  it('is the embargo lift, or the rights expiry, whichever comes first', () => {
    const both = sampleArticle({
      embargoUntil: '2025-07-04T18:00:00.000Z',
      rights: { ...rights, expiresAt: '2025-07-10T00:00:00.000Z' },
    });
    expect(nextVisibilityChange(both, NOW)).toEqual(new Date('2025-07-04T18:00:00.000Z'));
    // Once the embargo has lifted, the expiry is next.
    expect(nextVisibilityChange(both, new Date('2025-07-04T18:00:00.000Z'))).toEqual(
      new Date('2025-07-10T00:00:00.000Z'),
    );
    // After both, nothing more changes without an event.
    expect(nextVisibilityChange(both, new Date('2025-07-10T00:00:00.000Z'))).toBeUndefined();
  });

  it('is nothing for a withdrawn story, which stays hidden until a new event', () => {
    const withdrawn = sampleArticle({
      change: 'withdrawn',
      embargoUntil: '2025-07-04T18:00:00.000Z',
    });
    expect(nextVisibilityChange(withdrawn, NOW)).toBeUndefined();
  });
});
