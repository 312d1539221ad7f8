import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Problem } from './problem';
import { sendProblem } from './send-problem';
import { INTERNAL_ERROR_DETAIL } from './to-problem';

/**
 * Fastify's `frameworkErrors`. A few requests are refused by Fastify's router before any hook,
 * route or error handler runs, and were answered with Fastify's own JSON: a path whose percent-
 * encoding is invalid (FST_ERR_BAD_URL, 400), a path parameter over `maxParamLength`
 * (FST_ERR_MAX_PARAM_LENGTH, 414), a failing async route constraint (500). They are problem details
 * too. Without `instance`: the URL is what is malformed.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 500;
  void sendProblem(
    reply,
    status >= 500 ? new Problem(500, INTERNAL_ERROR_DETAIL) : new Problem(status, error.message),
  );
}
