import type { FastifyReply } from 'fastify';
import { PROBLEM_MEDIA_TYPE, type Problem } from './problem';

/**
 * Writes a problem as RFC 9457 problem details: the one writer for the exception filter, Fastify's
 * own errors and plain Fastify routes, so all of them answer errors byte for byte alike.
 * `instance` (§3.1.5) is the request's URL where it is one.
 */
export function sendProblem(
  reply: FastifyReply,
  problem: Problem,
  instance?: string,
): FastifyReply {
  return reply
    .status(problem.status)
    .headers({ ...problem.options.headers, 'content-type': PROBLEM_MEDIA_TYPE })
    .send(JSON.stringify(problem.body(instance)));
}
