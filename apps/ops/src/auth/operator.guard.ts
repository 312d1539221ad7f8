import { LivenessController, MetricsController, ReadinessController } from '@depeche/observability';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForeignOrigin, LoginRequired } from './login-required';
import { OperatorSecret } from './operator-secret';
import { IS_PUBLIC } from './public.decorator';
import { cookieValue, SESSION_COOKIE, verifySession } from './session-cookie';

/**
 * Open for orchestrators and Prometheus, which hold no session: they reveal counts and states,
 * never article content, and accept no action.
 */
const PUBLIC_CONTROLLERS = new Set<unknown>([
  LivenessController,
  ReadinessController,
  MetricsController,
]);

export type OperatorRequest = FastifyRequest & {
  operator?: string;
  /** When the request's session ends, in seconds since the epoch (a stream ends with it). */
  sessionExpires?: number;
};

/**
 * Installed for every route (APP_GUARD): a route is closed unless marked @Public, so a page added
 * later cannot be left open by forgetting a decorator.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly secret: OperatorSecret,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (PUBLIC_CONTROLLERS.has(context.getClass())) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<OperatorRequest>();
    if (request.method !== 'GET' && !sameOrigin(request)) throw new ForeignOrigin();
    const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
    const session = verifySession(cookie, this.secret.key, new Date());
    if (!session) throw new LoginRequired();
    request.operator = session.username;
    request.sessionExpires = session.expires;
    return true;
  }
}

/** Browsers send Origin on every POST; when present it must name this host. */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
