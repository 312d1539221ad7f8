import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Problem } from './problem';

/**
 * An app's admin token, and what its admin API answers while none is set: each app keeps its own
 * documented choice (feed-api: 404, as if there were no admin API; distributor: 503, naming the
 * variable to set).
 */
export class AdminAccess {
  constructor(
    readonly token: string | undefined,
    readonly whenOff: { readonly status: number; readonly detail: string },
  ) {}
}

/**
 * An admin API answers only to `Authorization: Bearer <token>` (RFC 6750 §2.1). Never to
 * `X-API-Key`, where partners send their keys: an admin token there is refused like a wrong one,
 * so it is not logged, cached or forwarded as if it were a partner key. Tokens are compared as
 * SHA-256 digests with timingSafeEqual, so neither their content nor their length shows in the
 * response time.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(private readonly access: AdminAccess) {
    this.expected = access.token === undefined ? undefined : digest(access.token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) {
      throw new Problem(this.access.whenOff.status, this.access.whenOff.detail);
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerTokenOf(request.headers.authorization) ?? '';
    if (!timingSafeEqual(digest(token), this.expected)) {
      throw new Problem(401, 'The admin token is missing or wrong.', {
        headers: { 'www-authenticate': 'Bearer realm="depeche-admin"' },
      });
    }
    return true;
  }
}

/** The token of `Authorization: Bearer <token>`, the scheme in any case; undefined for anything else. */
export function bearerTokenOf(authorization: string | undefined): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
