import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleEventDto } from '../dto/article-event.dto';
import { passesDtoChecks, toDtoInstance } from './dto-fast-check';

type Plain = Record<string, unknown>;

const SAMPLE = readFileSync(
  join(__dirname, '../../../../fixtures/sample-article.published.json'),
  'utf8',
);

/** What class-validator itself says, as decodeJsonEvent asked it before the fast check. */
const classValidatorAccepts = (plain: Plain): boolean =>
  validateSync(plainToInstance(ArticleEventDto, plain), {
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  }).length === 0;

/** The sample event with one value replaced at a dotted path (`article.images.0.url`). */
function variant(path: string, value: unknown): Plain {
  const event = JSON.parse(SAMPLE) as Plain;
  const keys = path.split('.');
  let node = event as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1] as string;
  if (value === DELETE) delete node[last];
  // An own property, as JSON.parse makes it, even for `__proto__`.
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true });
  return event;
}
const DELETE = Symbol('delete');

const VALUES: readonly unknown[] = [
  DELETE,
  null,
  '',
  ' ',
  'x',
  'x'.repeat(5001),
  0,
  -1,
  1.5,
  2_147_483_648,
  true,
  [],
  [null],
  ['x'],
  [{}],
  [[]],
  {},
  { name: 'x' },
  'https://example.com/a',
  'not a url',
  '2025-07-04T14:30:00Z',
  'BY',
  'medtop:11000000',
  'image/jpeg',
];

const PATHS = [
  'eventId',
  'type',
  'occurredAt',
  'source',
  'schemaVersion',
  'article',
  'article.id',
  'article.version',
  'article.language',
  'article.headline',
  'article.standfirst',
  'article.body',
  'article.sections',
  'article.sections.0',
  'article.keywords',
  'article.subjects',
  'article.subjects.0',
  'article.subjects.0.code',
  'article.subjects.0.name',
  'article.authors',
  'article.authors.0',
  'article.authors.0.name',
  'article.authors.0.role',
  'article.dateline',
  'article.location',
  'article.location.name',
  'article.location.countryCode',
  'article.location.latitude',
  'article.provider',
  'article.sourceAgency',
  'article.creditLine',
  'article.canonicalUrl',
  'article.images',
  'article.images.0',
  'article.images.0.url',
  'article.images.0.width',
  'article.images.0.mediaType',
  'article.rights',
  'article.rights.copyrightHolder',
  'article.rights.allowedTerritories',
  'article.rights.expiresAt',
  'article.embargoUntil',
  'article.firstPublishedAt',
  'article.correctionNote',
  'article.urgency',
  'article.genre',
  'article.withdrawnAt',
  'article.__proto__',
  'unknownField',
];

describe('the fast DTO check never accepts what class-validator refuses', () => {
  it('accepts the sample event, as class-validator does', () => {
    const event = JSON.parse(SAMPLE) as Plain;
    expect(classValidatorAccepts(event)).toBe(true);
    expect(passesDtoChecks(event, ArticleEventDto)).toBe(true);
  });

  it.each(PATHS)('agrees with class-validator on every odd value of %s', (path) => {
    const disagreements = VALUES.flatMap((value) => {
      const event = variant(path, value);
      const fast = passesDtoChecks(event, ArticleEventDto);
      // Declining something valid only costs time (class-validator then decides); accepting
      // something invalid would weaken the contract.
      return fast && !classValidatorAccepts(event) ? [String(value)] : [];
    });
    expect(disagreements).toEqual([]);
  });

  it('accepts valid variants itself, so the fast path is the one taken', () => {
    // Arrays standing in for a nested object pass class-validator (it validates each item of
    // them as that object); the fast check declines them, and class-validator decides.
    const arrayForObject = (value: unknown): boolean =>
      Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
    const declined = PATHS.flatMap((path) =>
      VALUES.map((value): [string, unknown, Plain] => [path, value, variant(path, value)]),
    )
      .filter(([, value]) => !arrayForObject(value))
      .filter(([, , event]) => classValidatorAccepts(event))
      .filter(([, , event]) => !passesDtoChecks(event, ArticleEventDto))
      .map(([path, value]) => `${path}=${JSON.stringify(value)}`);
    expect(declined).toEqual([]);
  });

  it('builds the same instances as plainToInstance', () => {
    const event = JSON.parse(SAMPLE) as Plain;
    const fast = toDtoInstance(event, ArticleEventDto);
    const slow = plainToInstance(ArticleEventDto, event);
    expect(fast).toEqual(slow);
    expect(fast.article.constructor).toBe(slow.article.constructor);
    expect(fast.article.authors[0]?.constructor).toBe(slow.article.authors[0]?.constructor);
    expect(fast.article.rights.constructor).toBe(slow.article.rights.constructor);
  });
});
