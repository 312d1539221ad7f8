import type { FastifyReply } from 'fastify';
import { PROBLEM_MEDIA_TYPE, type Problem } from './problem';

/**
 * Writes a problem as RFC 9457 problem details: the one writer for the exception filter, Fastify's
 * own errors and plain Fastify routes, so all of them answer errors byte for byte alike.
 * `instance` (§3.1.5) is the request's URL where it is one. Never stored by a cache (unless the
 * problem says otherwise): a 404 is cacheable by default (RFC 9111 §4.2.2), and a shared cache
 * would give one partner's refusal to another (partners may send X-API-Key, which does not keep
 * a response out of shared caches as Authorization does), or keep an on-lift partner's 404 for a
 * story after its embargo lifted.
 */
export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  instance?: string,
): FastifyReply {
  return reply
    .status(problem.status)
    .headers({
      'cache-control': 'no-store',
      ...problem.options.headers,
      'content-type': PROBLEM_MEDIA_TYPE,
    })
    .send(JSON.stringify(problem.body(instance)));
}
