import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, PROBLEM_TYPES } from './problem';
import { sendProblem } from './problem-reply';

/**
 * Every error leaves as RFC 9457 problem details, whatever threw it: our Problems, Nest's own
 * HttpExceptions (an unknown route, a validation failure) and anything unexpected (500, logged,
 * with no internals in the answer).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('feed-api');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : error);
    void sendProblem(reply, problem, request.url);
  }
}

export function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof HttpException) {
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
  return new Problem(500, 'The server could not answer this request.');
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
