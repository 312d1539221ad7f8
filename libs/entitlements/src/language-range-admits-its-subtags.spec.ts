import { sampleArticle } from '@depeche/testing';
import { languageAdmits, visibility, type Entitlement } from '.';

describe('a language range (RFC 4647 basic filtering)', () => {
  it.each([
    [['fr'], 'fr', true],
    [['fr'], 'fr-BE', true],
    [['fr'], 'FR-be', true],
    [['fr-BE'], 'fr', false],
    [['fr-BE'], 'fr-CH', false],
    // A prefix must end at a subtag boundary: `fr` is not a range of `fro` (Old French).
    [['fr'], 'fro', false],
    [['de', 'nl'], 'nl-BE', true],
    [[], 'ja', true],
  ])('%j admits %s: %s', (ranges, tag, admitted) => {
    expect(languageAdmits(ranges, tag)).toBe(admitted);
  });

  it('hides a story in another language with the reason', () => {
    const entitlement: Entitlement = {
      sections: ['international'],
      languages: ['nl'],
      territories: [],
      contentLevel: 'headline',
      formats: ['rss'],
      embargo: 'on-lift',
    };
    expect(visibility(entitlement, sampleArticle({ language: 'fr' }), new Date())).toEqual({
      visible: false,
      reason: 'language',
    });
  });
});
