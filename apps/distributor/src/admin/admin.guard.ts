import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DistributorEnv } from '../config/distributor.env';
import { Problem } from '../http/problem';

/** The admin API takes `Authorization: Bearer <DISTRIBUTOR_ADMIN_TOKEN>`; without the variable it is off. */
@Injectable()
export class AdminGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(env: DistributorEnv) {
    this.expected =
      env.DISTRIBUTOR_ADMIN_TOKEN === undefined ? undefined : digest(env.DISTRIBUTOR_ADMIN_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === undefined) {
      throw new Problem(503, 'The admin API is off: set DISTRIBUTOR_ADMIN_TOKEN.');
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const token = /^Bearer (.+)$/i.exec(header)?.[1] ?? '';
    // Compared as digests: equal lengths, and no timing hint of how much of the token matched.
    if (!timingSafeEqual(digest(token), this.expected)) {
      throw new Problem(401, 'A valid admin token is required.', 'Unauthorized', {
        'www-authenticate': 'Bearer realm="depeche-admin"',
      });
    }
    return true;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
