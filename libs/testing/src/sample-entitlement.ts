import type { Entitlement } from '@depeche/entitlements';

/**
 * The entitlement tests and benchmarks start from: the sample article's section, full text, every
 * format, embargoed stories only once the embargo lifts. Override what a test is about.
 */
export function sampleEntitlement(overrides: Partial<Entitlement> = {}): Entitlement {
  return {
    sections: ['international'],
    languages: [],
    territories: [],
    contentLevel: 'full',
    formats: ['rss', 'atom', 'json', 'newsml', 'ninjs'],
    embargo: 'on-lift',
    ...overrides,
  };
}
