import { CONTENT_LEVELS, type Article, type ContentLevel, type Rights } from '@depeche/article';
import { sampleArticle } from '@depeche/testing';
import { visibility, type Entitlement, type Visibility } from '.';

/**
 * Issue 5's acceptance matrix: two partners, three sections, two languages, four territory
 * situations, three embargo states, three content levels; every cell asserted. The expected
 * answers are the hand-written tables below, not derived from the code under test.
 */
const NOW = new Date('2025-07-04T16:00:00.000Z');

const SECTIONS = ['politique', 'sport', 'economie'] as const;
const LANGUAGES = ['fr-BE', 'nl'] as const;

const BASE_RIGHTS: Rights = sampleArticle().rights;
const TERRITORIES = {
  world: { allowedTerritories: [], deniedTerritories: [] },
  'only BE': { allowedTerritories: ['BE'], deniedTerritories: [] },
  'not LU': { allowedTerritories: [], deniedTerritories: ['LU'] },
  // Denied wins over allowed.
  'BE+LU but BE denied': { allowedTerritories: ['BE', 'LU'], deniedTerritories: ['BE'] },
} as const;
type Territory = keyof typeof TERRITORIES;
const TERRITORY_NAMES = Object.keys(TERRITORIES) as Territory[];

const EMBARGOES = {
  none: undefined,
  // Lifts two hours after NOW.
  embargoed: '2025-07-04T18:00:00.000Z',
  // Lifted one hour before NOW.
  lifted: '2025-07-04T15:00:00.000Z',
} as const;
type Embargo = keyof typeof EMBARGOES;
const EMBARGO_NAMES = Object.keys(EMBARGOES) as Embargo[];

const PARTNERS: Record<string, Omit<Entitlement, 'contentLevel'>> = {
  // A Belgian French-language daily that takes embargoed copy early.
  'le-soir': {
    sections: ['politique', 'sport'],
    languages: ['fr'],
    territories: ['BE'],
    formats: ['rss'],
    embargo: 'early',
  },
  // A site publishing in Belgium and Luxembourg, in Dutch, only after embargoes lift.
  'benelux-nl': {
    sections: ['economie', 'sport'],
    languages: ['nl'],
    territories: ['BE', 'LU'],
    formats: ['rss'],
    embargo: 'on-lift',
  },
};

/**
 * Per partner, one row per (section, language); in each row four groups, one per territory
 * situation in TERRITORIES' order; in each group one letter per embargo state (none, embargoed,
 * lifted). V visible, E visible marked embargoed, s/l/t/e hidden for section, language,
 * territory, embargo.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'le-soir': {
    'politique fr-BE': 'VEV VEV VEV ttt',
    'politique nl': 'lll lll lll lll',
    'sport fr-BE': 'VEV VEV VEV ttt',
    'sport nl': 'lll lll lll lll',
    'economie fr-BE': 'sss sss sss sss',
    'economie nl': 'sss sss sss sss',
  },
  'benelux-nl': {
    'politique fr-BE': 'sss sss sss sss',
    'politique nl': 'sss sss sss sss',
    'sport fr-BE': 'lll lll lll lll',
    'sport nl': 'VeV ttt ttt ttt',
    'economie fr-BE': 'lll lll lll lll',
    'economie nl': 'VeV ttt ttt ttt',
  },
};

const REASONS = { s: 'section', l: 'language', t: 'territory', e: 'embargo' } as const;

function expected(letter: string, level: ContentLevel): Visibility {
  if (letter === 'V') return { visible: true, level, embargoed: false };
  if (letter === 'E') return { visible: true, level, embargoed: true };
  const reason = REASONS[letter as keyof typeof REASONS];
  if (!reason) throw new Error(`no such letter in the table: ${letter}`);
  return { visible: false, reason };
}

function article(
  section: string,
  language: string,
  territory: Territory,
  embargo: Embargo,
): Article {
  const embargoUntil = EMBARGOES[embargo];
  return sampleArticle({
    sections: [section],
    language,
    rights: { ...BASE_RIGHTS, ...TERRITORIES[territory] },
    ...(embargoUntil === undefined ? {} : { embargoUntil }),
  });
}

interface Cell {
  name: string;
  entitlement: Entitlement;
  article: Article;
  expected: Visibility;
}

const cells: Cell[] = Object.entries(PARTNERS).flatMap(([partner, rest]) =>
  CONTENT_LEVELS.flatMap((level) =>
    SECTIONS.flatMap((section) =>
      LANGUAGES.flatMap((language) => {
        const groups = EXPECTED[partner]?.[`${section} ${language}`]?.split(' ') ?? [];
        return TERRITORY_NAMES.flatMap((territory, t) =>
          EMBARGO_NAMES.map((embargo, e) => ({
            name: `${partner} at ${level}: ${section}, ${language}, ${territory}, embargo ${embargo}`,
            entitlement: { ...rest, contentLevel: level },
            article: article(section, language, territory, embargo),
            expected: expected(groups[t]?.[e] ?? '?', level),
          })),
        );
      }),
    ),
  ),
);

describe('the entitlement matrix', () => {
  it('has every cell: 2 partners × 3 levels × 3 sections × 2 languages × 4 territories × 3 embargo states', () => {
    expect(cells).toHaveLength(2 * 3 * 3 * 2 * 4 * 3);
  });

  it.each(cells.map((cell) => [cell.name, cell] as const))('%s', (_name, cell) => {
    expect(visibility(cell.entitlement, cell.article, NOW)).toEqual(cell.expected);
  });
});
