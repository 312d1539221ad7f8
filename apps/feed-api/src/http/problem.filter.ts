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
    return new Problem(status, typeof messages === 'string' ? messages : error.message);
  }
  return new Problem(500, 'The server could not answer this request.');
}
