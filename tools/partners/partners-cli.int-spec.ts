import { PartnerStore, SqliteDatabase } from '@depeche/persistence';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partnersCli } from './test-support/partners-cli-runner';

/** The CLI run in-process (its main with argv) against an SQLite file of its own. */
describe('the partners CLI on an SQLite file', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'depeche-partners-cli-'));
    env = { DATABASE_KIND: 'sqlite', SQLITE_PATH: join(dir, 'depeche.sqlite') };
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const { run, ok } = partnersCli(() => env);

  /** The store on the same file, opened after the CLI closed it. */
  async function withStore<T>(work: (store: PartnerStore) => Promise<T>): Promise<T> {
    const db = new SqliteDatabase(env.SQLITE_PATH ?? '');
    try {
      return await work(new PartnerStore(db));
    } finally {
      await db.close();
    }
  }

  it('refuses bad input naming the flags at fault, and writes nothing', async () => {
    const result = await run('create', '--id', 'le-soir', '--name', 'Le Soir', '--level', 'all');
    expect(result.code).toBe(2);
    expect(result.err).toContain('--sections: sections is required');
    expect(result.err).toContain('--level: contentLevel must be one of the following values');
    expect(await ok('list')).toEqual({ partners: [], publicChannels: [] });
  });

  it('creates a partner with its entitlement, cleaning up codes and tags', async () => {
    const partner = await ok(
      'create',
      '--id=le-soir',
      '--name=Le Soir',
      '--sections=politique, sport',
      '--languages=fr_be',
      '--territories=be',
      '--level=full',
      '--formats=rss,newsml',
      '--embargo=early',
    );
    expect(partner).toEqual({
      id: 'le-soir',
      name: 'Le Soir',
      status: 'active',
      entitlement: {
        sections: ['politique', 'sport'],
        languages: ['fr-BE'],
        territories: ['BE'],
        contentLevel: 'full',
        formats: ['rss', 'newsml'],
        embargo: 'early',
      },
    });
  });

  it('issues a key shown once that authenticates the partner, then rotates and revokes it', async () => {
    const issued = await ok<{ id: string; key: string }>('issue-key', 'le-soir');
    expect(issued.key).toMatch(/^dpk_/);
    // Nowhere on disk: the database file, its WAL and anything else SQLite left in the folder.
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name)));
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((bytes) => bytes.includes(issued.key))).toBe(false);
    expect((await withStore((s) => s.authenticate(issued.key, new Date())))?.id).toBe('le-soir');

    const rotated = await ok<{ id: string; key: string }>(
      'rotate-key',
      issued.id,
      '--grace-hours',
      '0',
    );
    const now = new Date(Date.now() + 1000);
    expect(await withStore((s) => s.authenticate(issued.key, now))).toBeUndefined();
    expect((await withStore((s) => s.authenticate(rotated.key, now)))?.id).toBe('le-soir');

    expect(await ok('revoke-key', rotated.id)).toEqual({ keyId: rotated.id, revoked: true });
    expect(await withStore((s) => s.authenticate(rotated.key, now))).toBeUndefined();
  });

  it('changes only the entitlement dimensions given, and suspends', async () => {
    await ok('update', 'le-soir', '--sections', 'sport', '--embargo', 'on-lift');
    const partner = await withStore((s) => s.getPartner('le-soir'));
    expect(partner?.entitlement).toEqual({
      sections: ['sport'],
      languages: ['fr-BE'],
      territories: ['BE'],
      contentLevel: 'full',
      formats: ['rss', 'newsml'],
      embargo: 'on-lift',
    });
    expect(await ok('suspend', 'le-soir')).toMatchObject({ status: 'suspended' });
    expect(await ok('activate', 'le-soir')).toMatchObject({ status: 'active' });
  });

  it('defines and removes partner and public channels', async () => {
    await ok(
      'define-channel',
      '--partner',
      'le-soir',
      '--slug',
      'sport',
      '--title',
      'Sport',
      '--keywords',
      'foot,tennis',
    );
    await ok(
      'define-channel',
      '--public',
      '--slug',
      'monde',
      '--title',
      'Monde',
      '--sections',
      'international',
      '--level',
      'headline',
      '--language',
      'fr',
    );
    const listed = await ok<{
      partners: { id: string; keys: { prefix: string }[]; channels: unknown[] }[];
      publicChannels: unknown[];
    }>('list');
    expect(listed.partners[0]?.channels).toEqual([
      {
        partnerId: 'le-soir',
        slug: 'sport',
        title: 'Sport',
        filter: { sections: [], keywords: ['foot', 'tennis'], languages: [] },
      },
    ]);
    expect(listed.publicChannels).toEqual([
      {
        slug: 'monde',
        title: 'Monde',
        filter: { sections: ['international'], keywords: [], languages: [] },
        publicLevel: 'headline',
        language: 'fr',
      },
    ]);
    // Keys are listed by prefix only: the two issued above.
    expect(listed.partners[0]?.keys).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toMatch(/dpk_[A-Za-z0-9_-]{43}/);

    expect(await ok('remove-channel', '--public', '--slug', 'monde')).toEqual({
      slug: 'monde',
      removed: true,
    });
    expect(await withStore((s) => s.publicChannels())).toEqual([]);
  });

  it('refuses public-only fields on a partner channel, and a channel with no owner or two', async () => {
    const level = await run(
      'define-channel',
      '--partner',
      'le-soir',
      '--slug',
      'x',
      '--title',
      'X',
      '--level',
      'full',
    );
    expect([level.code, level.err]).toEqual([
      2,
      expect.stringContaining('--level: publicLevel is for public channels only'),
    ]);
    for (const owner of [[], ['--public', '--partner', 'le-soir']]) {
      const result = await run('define-channel', ...owner, '--slug', 'x', '--title', 'X');
      expect([result.code, result.err]).toEqual([
        2,
        expect.stringContaining('give exactly one of --partner <id> and --public'),
      ]);
    }
  });

  it('answers 1 for an unknown partner or key, 2 for an unknown command or flag, 78 for bad config', async () => {
    expect(await run('issue-key', 'nobody')).toMatchObject({
      code: 1,
      err: expect.stringContaining('no partner "nobody"') as string,
    });
    expect(await run('rotate-key', 'no-such-key')).toMatchObject({ code: 1 });
    expect(await run('launch')).toMatchObject({
      code: 2,
      err: expect.stringContaining('usage:') as string,
    });
    expect(await run('list', '--colour')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--colour'") as string,
    });
    const saved = env;
    env = { DATABASE_KIND: 'mysql' };
    try {
      expect(await run('list')).toMatchObject({
        code: 78,
        err: expect.stringContaining('DATABASE_KIND') as string,
      });
    } finally {
      env = saved;
    }
  });
});
