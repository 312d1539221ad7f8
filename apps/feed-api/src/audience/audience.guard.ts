import {
  createParamDecorator,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Audience } from './audience';
import { AudienceGate, unauthenticated } from './audience-gate';

export { unauthenticated } from './audience-gate';

type AudienceRequest = FastifyRequest & { depecheAudience?: Audience };

/** The Nest routes' door: the audience gate (key, rate limit), its answer left on the request. */
@Injectable()
export class AudienceGuard implements CanActivate {
  constructor(private readonly gate: AudienceGate) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AudienceRequest>();
    request.depecheAudience = await this.gate.admit(request);
    return true;
  }
}

/** The audience the guard established. */
export const CurrentAudience = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Audience =>
    context.switchToHttp().getRequest<AudienceRequest>().depecheAudience ?? { kind: 'public' },
);

/** The partner, for endpoints that serve partners only. */
export function requirePartner(audience: Audience): Extract<Audience, { kind: 'partner' }> {
  if (audience.kind !== 'partner') throw unauthenticated('This endpoint needs an API key.');
  return audience;
}
