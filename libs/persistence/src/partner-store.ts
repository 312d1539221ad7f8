import type { Channel, Entitlement, Partner, PartnerStatus } from '@depeche/contracts';
import { randomUUID } from 'node:crypto';
import { displayPrefix, generateKey, hashKey, looksLikeKey } from './partner-key';
import { deleteChannel, findChannels, upsertChannel } from './partner-store.channels';
import { KeyNotFoundError, PartnerExistsError, PartnerNotFoundError } from './partner-store.errors';
import {
  entitlementJson,
  KEY_COLUMNS,
  keyInfoOf,
  PARTNER_COLUMNS,
  partnerOf,
  plainChannel,
  plainEntitlement,
  type PartnerKeyInfo,
  type PartnerKeyRow,
  type PartnerRow,
} from './partner-rows';
import type { SqlDatabase, SqlExecutor } from './sql-database';

export interface NewPartner {
  /** A readable id (`le-soir`); a random UUID when absent. */
  readonly id?: string;
  readonly name: string;
  readonly entitlement: Entitlement;
}

export interface PartnerChanges {
  readonly name?: string;
  /** Replaces the whole entitlement. */
  readonly entitlement?: Entitlement;
}

/** A key just issued: `key` is shown once and never stored. */
export interface IssuedKey {
  readonly id: string;
  readonly partnerId: string;
  readonly key: string;
  readonly prefix: string;
  readonly expiresAt?: string;
}

export interface PartnerStoreOptions {
  /** The clock of admin operations; authenticate takes `now` from its caller. */
  readonly clock?: () => Date;
  /** Source of key bytes; tests may fix it, nothing else should. */
  readonly random?: (size: number) => Buffer;
}

/** The default time an old key keeps working after a rotation, for partners to deploy the new one. */
export const DEFAULT_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * last_used_at is written at most this often per key: it tells admins whether a key is in use,
 * which minute precision answers, and a write per request would cost more than the request.
 */
export const LAST_USED_RESOLUTION_MS = 60 * 1000;

/** Partners, their API keys and their channels, the same on PostgreSQL and SQLite. */
export class PartnerStore {
  private readonly clock: () => Date;
  private readonly random: ((size: number) => Buffer) | undefined;

  constructor(
    private readonly db: SqlDatabase,
    options: PartnerStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.random = options.random;
  }

  async createPartner(input: NewPartner): Promise<Partner> {
    const id = input.id ?? randomUUID();
    const now = this.clock().toISOString();
    return this.db.transaction(async (tx) => {
      if (await findPartner(tx, id)) throw new PartnerExistsError(id);
      await tx.execute(
        `INSERT INTO partners (id, name, status, entitlement, created_at, updated_at)
         VALUES ($1, $2, 'active', $3, $4, $4)`,
        [id, input.name, entitlementJson(input.entitlement), now],
      );
      return {
        id,
        name: input.name,
        status: 'active',
        entitlement: plainEntitlement(input.entitlement),
      };
    });
  }

  async updatePartner(id: string, changes: PartnerChanges): Promise<Partner> {
    return this.db.transaction(async (tx) => {
      const current = await requirePartner(tx, id);
      const next: Partner = {
        ...current,
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.entitlement === undefined
          ? {}
          : { entitlement: plainEntitlement(changes.entitlement) }),
      };
      await tx.execute(
        'UPDATE partners SET name = $1, entitlement = $2, updated_at = $3 WHERE id = $4',
        [next.name, entitlementJson(next.entitlement), this.clock().toISOString(), id],
      );
      return next;
    });
  }

  /** A suspended partner's keys stop working at once; reactivating brings them back. */
  async setStatus(id: string, status: PartnerStatus): Promise<Partner> {
    const changed = await this.db.execute(
      'UPDATE partners SET status = $1, updated_at = $2 WHERE id = $3',
      [status, this.clock().toISOString(), id],
    );
    if (changed === 0) throw new PartnerNotFoundError(id);
    return requirePartner(this.db, id);
  }

  getPartner(id: string): Promise<Partner | undefined> {
    return findPartner(this.db, id);
  }

  async listPartners(): Promise<Partner[]> {
    const rows = await this.db.query<PartnerRow>(
      `SELECT ${PARTNER_COLUMNS} FROM partners ORDER BY name, id`,
    );
    return rows.map(partnerOf);
  }

  async issueKey(partnerId: string, options: { expiresAt?: Date } = {}): Promise<IssuedKey> {
    return this.db.transaction(async (tx) => {
      await requirePartner(tx, partnerId);
      return this.insertKey(tx, partnerId, options.expiresAt);
    });
  }

  /** Stops a key at once. False when there is no such key or it was revoked already. */
  async revokeKey(keyId: string): Promise<boolean> {
    const changed = await this.db.execute(
      'UPDATE partner_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
      [this.clock().toISOString(), keyId],
    );
    return changed > 0;
  }

  /**
   * A new key for the same partner; the old one keeps working for `graceMs` (24 h by default) so
   * the partner can deploy the new one, then expires (sooner if it was to expire sooner anyway).
   */
  async rotateKey(
    keyId: string,
    options: { graceMs?: number; expiresAt?: Date } = {},
  ): Promise<IssuedKey> {
    const now = this.clock();
    const graceEnd = new Date(now.getTime() + (options.graceMs ?? DEFAULT_ROTATION_GRACE_MS));
    return this.db.transaction(async (tx) => {
      const [old] = await tx.query<PartnerKeyRow>(
        `SELECT ${KEY_COLUMNS} FROM partner_keys WHERE id = $1`,
        [keyId],
      );
      if (!old) throw new KeyNotFoundError(keyId);
      if (old.revoked_at !== null) throw new KeyNotFoundError(keyId, 'revoked');
      if (old.expires_at !== null && old.expires_at <= now.toISOString()) {
        throw new KeyNotFoundError(keyId, 'expired; issue a new key instead');
      }
      const oldExpiry =
        old.expires_at !== null && old.expires_at < graceEnd.toISOString()
          ? old.expires_at
          : graceEnd.toISOString();
      await tx.execute('UPDATE partner_keys SET expires_at = $1 WHERE id = $2', [oldExpiry, keyId]);
      return this.insertKey(tx, old.partner_id, options.expiresAt);
    });
  }

  async keys(partnerId: string): Promise<PartnerKeyInfo[]> {
    const rows = await this.db.query<PartnerKeyRow>(
      `SELECT ${KEY_COLUMNS} FROM partner_keys WHERE partner_id = $1 ORDER BY created_at, id`,
      [partnerId],
    );
    return rows.map(keyInfoOf);
  }

  /**
   * The active partner a raw key belongs to, or undefined for an unknown, revoked or expired key
   * and for a suspended partner (the caller answers 401 to all alike, so nothing leaks about why).
   * One indexed lookup by the key's hash; see partner-key.ts for why a hash lookup is safe here.
   */
  async authenticate(rawKey: string, now: Date): Promise<Partner | undefined> {
    if (!looksLikeKey(rawKey)) return undefined;
    const at = now.toISOString();
    const [row] = await this.db.query<PartnerRow & { key_id: string; last_used_at: string | null }>(
      `SELECT p.id, p.name, p.status, p.entitlement, k.id AS key_id, k.last_used_at
       FROM partner_keys k JOIN partners p ON p.id = k.partner_id
       WHERE k.key_hash = $1 AND k.revoked_at IS NULL
         AND (k.expires_at IS NULL OR k.expires_at > $2) AND p.status = 'active'`,
      [hashKey(rawKey), at],
    );
    if (!row) return undefined;
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
    if (row.last_used_at === null || row.last_used_at <= stale) {
      // The condition is repeated in SQL so that processes racing on one key write once.
      await this.db.execute(
        `UPDATE partner_keys SET last_used_at = $1
         WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)`,
        [at, row.key_id, stale],
      );
    }
    return partnerOf(row);
  }

  /** Creates or replaces a channel: a partner's when partnerId is set, public otherwise. */
  async defineChannel(channel: Channel): Promise<Channel> {
    const plain = plainChannel(channel);
    await this.db.transaction(async (tx) => {
      if (plain.partnerId !== undefined) await requirePartner(tx, plain.partnerId);
      await upsertChannel(tx, plain, this.clock());
    });
    return plain;
  }

  /** False when there was no such channel. partnerId undefined: a public channel. */
  removeChannel(partnerId: string | undefined, slug: string): Promise<boolean> {
    return deleteChannel(this.db, partnerId, slug);
  }

  /** One of the partner's own channels (not a public one). */
  async channel(partnerId: string, slug: string): Promise<Channel | undefined> {
    return (await findChannels(this.db, partnerId, slug))[0];
  }

  async publicChannel(slug: string): Promise<Channel | undefined> {
    return (await findChannels(this.db, undefined, slug))[0];
  }

  channels(partnerId: string): Promise<Channel[]> {
    return findChannels(this.db, partnerId);
  }

  publicChannels(): Promise<Channel[]> {
    return findChannels(this.db, undefined);
  }

  private async insertKey(
    tx: SqlExecutor,
    partnerId: string,
    expiresAt: Date | undefined,
  ): Promise<IssuedKey> {
    const id = randomUUID();
    const key = generateKey(this.random);
    const prefix = displayPrefix(key);
    const expiry = expiresAt?.toISOString();
    await tx.execute(
      `INSERT INTO partner_keys (id, partner_id, key_hash, prefix, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, partnerId, hashKey(key), prefix, this.clock().toISOString(), expiry ?? null],
    );
    return { id, partnerId, key, prefix, ...(expiry === undefined ? {} : { expiresAt: expiry }) };
  }
}

async function findPartner(db: SqlExecutor, id: string): Promise<Partner | undefined> {
  const [row] = await db.query<PartnerRow>(
    `SELECT ${PARTNER_COLUMNS} FROM partners WHERE id = $1`,
    [id],
  );
  return row && partnerOf(row);
}

async function requirePartner(db: SqlExecutor, id: string): Promise<Partner> {
  const partner = await findPartner(db, id);
  if (!partner) throw new PartnerNotFoundError(id);
  return partner;
}
