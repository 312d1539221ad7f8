import {
  ChannelDto,
  CreatePartnerDto,
  IssueKeyDto,
  RotateKeyDto,
  validateAdminInput,
} from '@depeche/contracts';
import type { Channel, Partner } from '@depeche/entitlements';
import { Problem } from '@depeche/observability';
import {
  KeyNotFoundError,
  PartnerExistsError,
  PartnerNotFoundError,
  type IssuedKey,
} from '@depeche/persistence';
import { Injectable } from '@nestjs/common';
import { FeedStores } from '../runtime/feed-stores';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Partner administration over HTTP: the same DTOs and the same store as the CLI, so both accept
 * and refuse the same input. The store's errors become 404 and 409 here; invalid input
 * (AdminInputError) is a 400 naming the fields, as in every app's problem filter.
 */
@Injectable()
export class AdminService {
  constructor(private readonly stores: FeedStores) {}

  createPartner(body: unknown): Promise<Partner> {
    return translate(() =>
      this.stores.partners.createPartner(validateAdminInput(CreatePartnerDto, body)),
    );
  }

  issueKey(partnerId: string, body: unknown): Promise<IssuedKey> {
    return translate(() => {
      const { expiresAt } = validateAdminInput(IssueKeyDto, body ?? {});
      return this.stores.partners.issueKey(
        partnerId,
        expiresAt ? { expiresAt: new Date(expiresAt) } : {},
      );
    });
  }

  rotateKey(keyId: string, body: unknown): Promise<IssuedKey> {
    return translate(() => {
      const { graceHours } = validateAdminInput(RotateKeyDto, body ?? {});
      return this.stores.partners.rotateKey(
        keyId,
        graceHours === undefined ? {} : { graceMs: graceHours * HOUR_MS },
      );
    });
  }

  async revokeKey(keyId: string): Promise<void> {
    if (!(await this.stores.partners.revokeKey(keyId))) {
      throw new Problem(404, `No active key ${JSON.stringify(keyId)}.`);
    }
  }

  defineChannel(body: unknown): Promise<Channel> {
    return translate(() =>
      this.stores.partners.defineChannel(validateAdminInput(ChannelDto, body)),
    );
  }
}

async function translate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PartnerNotFoundError || error instanceof KeyNotFoundError) {
      throw new Problem(404, error.message);
    }
    if (error instanceof PartnerExistsError) throw new Problem(409, error.message);
    throw error;
  }
}
