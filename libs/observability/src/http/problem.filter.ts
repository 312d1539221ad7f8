import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './send-problem';
import { toProblem } from './to-problem';

/**
 * Every error leaves as RFC 9457 problem details, whatever threw it: our Problems, Nest's own
 * HttpExceptions (an unknown route, a validation failure, Fastify's body errors) and anything
 * unexpected (500, logged with its cause, no internals in the answer). `createHttpApp` installs it
 * in every app.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(app: string) {
    this.logger = new Logger(app);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(error);
    if (problem.status >= 500) this.logger.error(error instanceof Error ? error.stack : error);
    // An answer already under way (a stream) cannot become a problem any more: end it.
    if (reply.raw.headersSent) {
      reply.raw.end();
      return;
    }
    void sendProblem(reply, problem, request.url);
  }
}
