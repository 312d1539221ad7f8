import type { Entitlement } from '@depeche/contracts';
import {
  createPostgresTestDatabase,
  createSqliteTestDatabase,
  type TestDatabase,
} from '@depeche/testing';
import { createHash } from 'node:crypto';
import {
  hashKey,
  KeyNotFoundError,
  migrate,
  MIGRATIONS,
  PartnerExistsError,
  PartnerNotFoundError,
  PartnerStore,
  type SqlDatabase,
} from '.';

/**
 * better-sqlite3's errors are not `instanceof Error` in every jest file (see
 * article-store.int-spec.ts): match constraint violations by message.
 */
const CONSTRAINT_VIOLATION = expect.stringMatching(/UNIQUE constraint|duplicate key/i) as string;

const ENTITLEMENT: Entitlement = {
  sections: ['politique', 'sport'],
  languages: ['fr'],
  territories: ['BE'],
  contentLevel: 'full',
  formats: ['rss', 'newsml'],
  embargo: 'early',
};

const T0 = new Date('2025-07-04T16:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Every row of the partner tables as text: where a raw key must never appear. */
async function dumpPartnerTables(db: SqlDatabase): Promise<string> {
  const tables = ['partners', 'partner_keys', 'channels'];
  const rows = await Promise.all(tables.map((t) => db.query(`SELECT * FROM ${t}`)));
  return JSON.stringify(rows);
}

describe.each([
  ['PostgreSQL', createPostgresTestDatabase],
  ['SQLite', () => Promise.resolve(createSqliteTestDatabase())],
])('the partner store on %s', (_name, create: () => Promise<TestDatabase>) => {
  let test: TestDatabase;
  let store: PartnerStore;
  /** The admin clock; authenticate takes its own `now`. */
  let clock = T0;

  beforeAll(async () => {
    test = await create();
    expect(await migrate(test.db, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.id));
    store = new PartnerStore(test.db, { clock: () => clock });
  });

  afterAll(async () => {
    await test.drop();
  });

  beforeEach(() => {
    clock = T0;
  });

  it('creates, reads, lists, updates and suspends partners', async () => {
    const created = await store.createPartner({
      id: 'le-soir',
      name: 'Le Soir',
      entitlement: ENTITLEMENT,
    });
    expect(created).toEqual({
      id: 'le-soir',
      name: 'Le Soir',
      status: 'active',
      entitlement: ENTITLEMENT,
    });
    const generated = await store.createPartner({ name: 'Aggregator', entitlement: ENTITLEMENT });
    expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await store.getPartner('le-soir')).toEqual(created);
    expect((await store.listPartners()).map((p) => p.name)).toEqual(['Aggregator', 'Le Soir']);

    const narrower = { ...ENTITLEMENT, sections: ['sport'], contentLevel: 'summary' as const };
    expect(await store.updatePartner('le-soir', { entitlement: narrower })).toEqual({
      ...created,
      entitlement: narrower,
    });
    expect((await store.getPartner('le-soir'))?.entitlement).toEqual(narrower);
    expect((await store.setStatus('le-soir', 'suspended')).status).toBe('suspended');
    expect((await store.setStatus('le-soir', 'active')).status).toBe('active');
    await store.updatePartner('le-soir', { entitlement: ENTITLEMENT });
  });

  it('refuses a second partner with the same id, and operations on an unknown one', async () => {
    await expect(
      store.createPartner({ id: 'le-soir', name: 'Copy', entitlement: ENTITLEMENT }),
    ).rejects.toBeInstanceOf(PartnerExistsError);
    await expect(store.updatePartner('nobody', { name: 'x' })).rejects.toBeInstanceOf(
      PartnerNotFoundError,
    );
    await expect(store.setStatus('nobody', 'active')).rejects.toBeInstanceOf(PartnerNotFoundError);
    await expect(store.issueKey('nobody')).rejects.toBeInstanceOf(PartnerNotFoundError);
    expect(await store.getPartner('nobody')).toBeUndefined();
  });

  it('keeps only the entitlement fields, whatever object carries them', async () => {
    const carrier = { ...ENTITLEMENT, note: 'not part of an entitlement' } as Entitlement;
    const created = await store.createPartner({
      id: 'carrier',
      name: 'Carrier',
      entitlement: carrier,
    });
    expect(created.entitlement).toEqual(ENTITLEMENT);
    expect((await store.getPartner('carrier'))?.entitlement).toEqual(ENTITLEMENT);
    expect(await dumpPartnerTables(test.db)).not.toContain('not part of an entitlement');
  });

  it('issues keys that authenticate their partner and are stored only as a SHA-256 hash', async () => {
    const issued = await store.issueKey('le-soir');
    expect(issued.key).toMatch(/^dpk_[A-Za-z0-9_-]{43}$/);
    expect(issued.prefix).toBe(issued.key.slice(0, 10));
    expect((await store.authenticate(issued.key, T0))?.id).toBe('le-soir');

    const dump = await dumpPartnerTables(test.db);
    expect(dump).not.toContain(issued.key);
    expect(dump).not.toContain(issued.key.slice(4)); // the random part without `dpk_`
    const expectedHash = createHash('sha256').update(issued.key).digest('hex');
    expect(hashKey(issued.key)).toBe(expectedHash);
    expect(dump).toContain(expectedHash);
  });

  it('turns away unknown, malformed, revoked and expired keys, and suspended partners', async () => {
    const issued = await store.issueKey('le-soir', { expiresAt: later(HOUR) });
    expect(await store.authenticate(issued.key, T0)).toBeDefined();
    // Unknown: well-formed, never issued. Malformed: refused without a lookup.
    expect(await store.authenticate(`dpk_${'A'.repeat(43)}`, T0)).toBeUndefined();
    expect(await store.authenticate('not a key', T0)).toBeUndefined();
    // Expired: from expiresAt on.
    expect(await store.authenticate(issued.key, later(HOUR - 1))).toBeDefined();
    expect(await store.authenticate(issued.key, later(HOUR))).toBeUndefined();

    const other = await store.issueKey('le-soir');
    await store.setStatus('le-soir', 'suspended');
    expect(await store.authenticate(other.key, T0)).toBeUndefined();
    await store.setStatus('le-soir', 'active');
    expect(await store.authenticate(other.key, T0)).toBeDefined();

    expect(await store.revokeKey(other.id)).toBe(true);
    expect(await store.revokeKey(other.id)).toBe(false);
    expect(await store.authenticate(other.key, T0)).toBeUndefined();
  });

  it('records last use at most once a minute per key', async () => {
    const issued = await store.issueKey('le-soir');
    const lastUsed = async () =>
      (await store.keys('le-soir')).find((k) => k.id === issued.id)?.lastUsedAt;
    expect(await lastUsed()).toBeUndefined();
    await store.authenticate(issued.key, T0);
    expect(await lastUsed()).toBe(T0.toISOString());
    // 59 s later: still the first use's time (no write).
    await store.authenticate(issued.key, later(59_000));
    expect(await lastUsed()).toBe(T0.toISOString());
    // A minute later: written again.
    await store.authenticate(issued.key, later(MINUTE));
    expect(await lastUsed()).toBe(later(MINUTE).toISOString());
  });

  it('rotates a key: a new one at once, the old one until the grace period ends', async () => {
    const old = await store.issueKey('le-soir');
    const fresh = await store.rotateKey(old.id, { graceMs: 2 * HOUR });
    expect(fresh.partnerId).toBe('le-soir');
    expect(fresh.key).not.toBe(old.key);
    expect(await store.authenticate(fresh.key, later(3 * HOUR))).toBeDefined();
    expect(await store.authenticate(old.key, later(2 * HOUR - 1))).toBeDefined();
    expect(await store.authenticate(old.key, later(2 * HOUR))).toBeUndefined();

    // The default grace is 24 h, and a key already due to expire sooner keeps its earlier expiry.
    const soon = await store.issueKey('le-soir', { expiresAt: later(HOUR) });
    const defaultGrace = await store.issueKey('le-soir');
    await store.rotateKey(soon.id);
    await store.rotateKey(defaultGrace.id);
    const keys = await store.keys('le-soir');
    expect(keys.find((k) => k.id === soon.id)?.expiresAt).toBe(later(HOUR).toISOString());
    expect(keys.find((k) => k.id === defaultGrace.id)?.expiresAt).toBe(
      later(24 * HOUR).toISOString(),
    );
  });

  it('refuses to rotate an unknown, revoked or expired key', async () => {
    await expect(store.rotateKey('no-such-key')).rejects.toBeInstanceOf(KeyNotFoundError);
    const revoked = await store.issueKey('le-soir');
    await store.revokeKey(revoked.id);
    await expect(store.rotateKey(revoked.id)).rejects.toThrow(/revoked/);
    const expired = await store.issueKey('le-soir', { expiresAt: later(MINUTE) });
    clock = later(HOUR);
    await expect(store.rotateKey(expired.id)).rejects.toThrow(/expired/);
  });

  it('lists keys by prefix and never the key or its hash', async () => {
    const issued = await store.issueKey('le-soir');
    const listed = (await store.keys('le-soir')).find((k) => k.id === issued.id);
    expect(listed).toEqual({
      id: issued.id,
      partnerId: 'le-soir',
      prefix: issued.prefix,
      createdAt: T0.toISOString(),
    });
    expect(JSON.stringify(await store.keys('le-soir'))).not.toContain(hashKey(issued.key));
  });

  it('defines, replaces, reads and removes a partner channel', async () => {
    const channel = {
      partnerId: 'le-soir',
      slug: 'sport',
      title: 'Sport',
      filter: { sections: ['sport'], keywords: [], languages: ['fr'] },
    };
    await store.defineChannel(channel);
    expect(await store.channel('le-soir', 'sport')).toEqual(channel);
    const renamed = {
      ...channel,
      title: 'Les sports',
      filter: { ...channel.filter, keywords: ['foot'] },
    };
    await store.defineChannel(renamed);
    expect(await store.channels('le-soir')).toEqual([renamed]);
    // A partner channel is not public, and another partner does not have it.
    expect(await store.publicChannel('sport')).toBeUndefined();
    expect(await store.channel('aggregator', 'sport')).toBeUndefined();
    await expect(store.defineChannel({ ...channel, partnerId: 'nobody' })).rejects.toBeInstanceOf(
      PartnerNotFoundError,
    );
    expect(await store.removeChannel('le-soir', 'sport')).toBe(true);
    expect(await store.removeChannel('le-soir', 'sport')).toBe(false);
    expect(await store.channel('le-soir', 'sport')).toBeUndefined();
  });

  it('keeps public channels apart, with their level and language, and the same slug per partner', async () => {
    const international = {
      slug: 'international',
      title: 'International',
      filter: { sections: ['international'], keywords: [], languages: [] },
      publicLevel: 'headline' as const,
      language: 'fr',
    };
    await store.defineChannel(international);
    await store.defineChannel({ ...international, title: 'Monde' });
    // The same slug for a partner is another channel.
    const partners = {
      partnerId: 'le-soir',
      slug: 'international',
      title: 'International (Le Soir)',
      filter: international.filter,
    };
    await store.defineChannel(partners);
    expect(await store.publicChannels()).toEqual([{ ...international, title: 'Monde' }]);
    expect(await store.publicChannel('international')).toEqual({
      ...international,
      title: 'Monde',
    });
    expect(await store.channel('le-soir', 'international')).toEqual(partners);
    expect(await store.removeChannel(undefined, 'international')).toBe(true);
    expect(await store.channel('le-soir', 'international')).toEqual(partners);
  });

  it('lets the schema itself refuse a second public channel with the same slug', async () => {
    const insert = () =>
      test.db.execute(
        `INSERT INTO channels (partner_id, slug, title, filter, created_at, updated_at)
         VALUES (NULL, 'dup', 'Dup', '{}', 'x', 'x')`,
      );
    await insert();
    await expect(insert()).rejects.toMatchObject({ message: CONSTRAINT_VIOLATION });
  });
});
