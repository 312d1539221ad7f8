import { AdminInputError } from '@depeche/contracts';
import { HttpException } from '@nestjs/common';
import { Problem, PROBLEM_TYPES } from './problem';

/** The detail of every 500: the log keeps the cause, the answer shows no internals. */
export const INTERNAL_ERROR_DETAIL = 'The server could not answer this request.';

/**
 * What any error thrown while answering a request means to the client: our Problems as they are,
 * invalid admin input and class-validator failures as 400s naming the fields, Nest's own
 * HttpExceptions (an unknown route; Fastify's body errors, which Nest wraps: 400, 413, 415) with
 * their status, anything else as a 500.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof AdminInputError) {
    return new Problem(400, error.message, {
      type: PROBLEM_TYPES.badParameter,
      extensions: { errors: error.problems },
    });
  }
  if (error instanceof HttpException) return fromHttpException(error);
  return new Problem(500, INTERNAL_ERROR_DETAIL);
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  const response = error.getResponse();
  const messages =
    typeof response === 'object' && response !== null && 'message' in response
      ? response.message
      : error.message;
  if (status === 400 && Array.isArray(messages)) {
    // class-validator's messages, one per failed constraint, name the parameter at fault.
    return new Problem(400, messages.join('; '), {
      type: PROBLEM_TYPES.badParameter,
      extensions: { errors: messages },
    });
  }
  const checks = readinessChecksOf(response);
  if (checks !== undefined) {
    // @nestjs/terminus's 503 of /health/ready: name the checks that are down, keep them all.
    const down = Object.keys(checks.error).join(', ');
    return new Problem(status, `Not ready: ${down}.`, { extensions: { checks: checks.details } });
  }
  return new Problem(status, typeof messages === 'string' ? messages : error.message);
}

/** The body of a failed terminus health check (`{ status, info, error, details }`), if it is one. */
function readinessChecksOf(
  response: unknown,
): { error: Record<string, unknown>; details: Record<string, unknown> } | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const { error, details } = response as { error?: unknown; details?: unknown };
  if (typeof error !== 'object' || error === null) return undefined;
  if (typeof details !== 'object' || details === null) return undefined;
  return { error: error as Record<string, unknown>, details: details as Record<string, unknown> };
}
