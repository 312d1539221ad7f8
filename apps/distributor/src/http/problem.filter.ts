import { AdminInputError } from '@depeche/contracts';
import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Problem } from './problem';

/** Every error leaves as RFC 9457 problem details (§3: type, title, status, detail). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('distributor');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(error);
    // The answer hides internals; the log keeps the cause of every 5xx.
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : error);
    void reply
      .status(problem.status)
      .headers({ ...problem.headers, 'content-type': 'application/problem+json' })
      .send(
        JSON.stringify({
          type: 'about:blank',
          title: problem.title,
          status: problem.status,
          detail: problem.detail,
          ...(error instanceof AdminInputError ? { errors: error.problems } : {}),
        }),
      );
  }
}

function toProblem(error: unknown): Problem {
  if (error instanceof Problem) return error;
  if (error instanceof AdminInputError) return new Problem(400, error.message);
  if (error instanceof HttpException) {
    const down = downChecksOf(error.getResponse());
    // @nestjs/terminus's 503 of /health/ready: say which checks are down, not just "unavailable".
    if (down !== undefined) return new Problem(error.getStatus(), `Not ready: ${down}.`);
    return new Problem(error.getStatus(), error.message);
  }
  return new Problem(500, 'Internal error', 'Internal Server Error');
}

/** The names of the failing checks in a terminus health-check body (`{ status, error, … }`). */
function downChecksOf(response: unknown): string | undefined {
  if (typeof response !== 'object' || response === null || !('error' in response)) return undefined;
  const { error } = response;
  if (typeof error !== 'object' || error === null) return undefined;
  return Object.keys(error).join(', ');
}
