import { AdminInputError } from '@depeche/contracts';
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Problem } from './problem';

/** Every error leaves as RFC 9457 problem details (§3: type, title, status, detail). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(error);
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
    return new Problem(error.getStatus(), error.message);
  }
  return new Problem(500, 'Internal error', 'Internal Server Error');
}
