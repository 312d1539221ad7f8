import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { apiKeyOf } from '../audience/api-key';
import { FeedApiEnv } from '../config/feed-api.env';
import { Problem } from '../http/problem';

/**
 * The admin API answers only to `Authorization: Bearer <FEED_API_ADMIN_TOKEN>`. Without the
 * variable it does not exist (404). Tokens are compared as SHA-256 digests with timingSafeEqual,
 * so neither their content nor their length shows in the response time.
 */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(env: FeedApiEnv) {
    this.expected =
      env.FEED_API_ADMIN_TOKEN === undefined ? undefined : digest(env.FEED_API_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new Problem(404, 'Not Found');
    const token = apiKeyOf(context.switchToHttp().getRequest<FastifyRequest>().headers);
    if (token === undefined || !timingSafeEqual(digest(token), this.expected)) {
      throw new Problem(401, 'The admin token is missing or wrong.', {
        headers: { 'www-authenticate': 'Bearer realm="depeche-admin"' },
      });
    }
    return true;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
