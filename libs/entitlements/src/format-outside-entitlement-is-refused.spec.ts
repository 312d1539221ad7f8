import { FEED_FORMATS, mayUseFormat, type Entitlement } from '.';

describe('formats', () => {
  it('are allowed exactly as the entitlement lists them', () => {
    const entitlement: Entitlement = {
      sections: ['sport'],
      languages: [],
      territories: [],
      contentLevel: 'full',
      formats: ['rss', 'newsml'],
      embargo: 'on-lift',
    };
    expect(FEED_FORMATS.filter((format) => mayUseFormat(entitlement, format))).toEqual([
      'rss',
      'newsml',
    ]);
  });
});
