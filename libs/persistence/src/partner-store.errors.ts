/**
 * What the admin operations refuse. Plain errors, not HTTP ones: the CLI calls the same store
 * (STYLE.md: no HTTP exceptions from domain code); feed-api maps them to 404 and 409.
 */
export class PartnerNotFoundError extends Error {
  constructor(readonly partnerId: string) {
    super(`no partner ${JSON.stringify(partnerId)}`);
    this.name = 'PartnerNotFoundError';
  }
}

export class PartnerExistsError extends Error {
  constructor(readonly partnerId: string) {
    super(`a partner ${JSON.stringify(partnerId)} exists already`);
    this.name = 'PartnerExistsError';
  }
}

/** An unknown key id, or one that can no longer be rotated (revoked or expired). */
export class KeyNotFoundError extends Error {
  constructor(
    readonly keyId: string,
    detail = 'no such key',
  ) {
    super(`key ${JSON.stringify(keyId)}: ${detail}`);
    this.name = 'KeyNotFoundError';
  }
}
