import type { FastifyReply } from 'fastify';
import { Problem, PROBLEM_MEDIA_TYPE } from './problem';

/**
 * Writes a problem as RFC 9457 problem details: the one writer for the global filter (Nest's
 * routes) and the plain feed route, so both answer errors byte for byte alike.
 */
export function sendProblem(reply: FastifyReply, problem: Problem, instance: string): FastifyReply {
  return reply
    .status(problem.status)
    .headers({ ...problem.options.headers, 'content-type': PROBLEM_MEDIA_TYPE })
    .send(JSON.stringify(problem.body(instance)));
}
