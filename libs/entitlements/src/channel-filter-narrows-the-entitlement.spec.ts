import { sampleArticle } from '@depeche/testing';
import { channelVisibility, inChannel, type ChannelFilter, type Entitlement } from '.';

const NOW = new Date('2025-07-04T16:00:00.000Z');
const story = sampleArticle({ sections: ['international'], keywords: ['Bélarus', 'diplomatie'] });
const filter = (f: Partial<ChannelFilter>): ChannelFilter => ({
  sections: [],
  keywords: [],
  languages: [],
  ...f,
});

describe('a channel filter', () => {
  it('does not restrict on an empty dimension', () => {
    expect(inChannel(filter({}), story)).toBe(true);
  });

  it('needs one section, one keyword (any case) and a matching language', () => {
    expect(inChannel(filter({ sections: ['sport', 'international'] }), story)).toBe(true);
    expect(inChannel(filter({ sections: ['sport'] }), story)).toBe(false);
    expect(inChannel(filter({ keywords: ['BÉLARUS'] }), story)).toBe(true);
    expect(inChannel(filter({ keywords: ['Ukraine'] }), story)).toBe(false);
    expect(inChannel(filter({ languages: ['fr'] }), story)).toBe(true);
    expect(inChannel(filter({ languages: ['en'] }), story)).toBe(false);
  });

  it('requires every dimension at once', () => {
    expect(inChannel(filter({ sections: ['international'], keywords: ['Ukraine'] }), story)).toBe(
      false,
    );
  });

  it('narrows a partner entitlement but never widens it', () => {
    const entitlement: Entitlement = {
      sections: ['international'],
      languages: [],
      territories: [],
      contentLevel: 'full',
      formats: ['rss'],
      embargo: 'on-lift',
    };
    expect(
      channelVisibility(entitlement, filter({ keywords: ['diplomatie'] }), story, NOW),
    ).toEqual({ visible: true, level: 'full', embargoed: false });
    expect(channelVisibility(entitlement, filter({ keywords: ['sport'] }), story, NOW)).toEqual({
      visible: false,
      reason: 'channel',
    });
    // The channel admits the section but the partner is not entitled to it.
    const sport = sampleArticle({ sections: ['sport'] });
    expect(channelVisibility(entitlement, filter({ sections: ['sport'] }), sport, NOW)).toEqual({
      visible: false,
      reason: 'section',
    });
  });
});
