import { Problem, sendProblem } from '@depeche/observability';
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForeignOrigin, LoginRequired } from './login-required';

/**
 * A page sends the browser to the login form; anything else gets a 401 (or 403) problem. Installed
 * through startHttpApp's `filters`, so it is asked before the catch-all problem filter.
 */
@Catch(LoginRequired, ForeignOrigin)
export class LoginRequiredFilter implements ExceptionFilter {
  catch(error: LoginRequired | ForeignOrigin, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof ForeignOrigin) {
      void sendProblem(reply, new Problem(403, error.message), request.url);
      return;
    }
    const wantsPage =
      request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      void reply.code(303).header('location', '/login').send();
      return;
    }
    void sendProblem(reply, new Problem(401, error.message), request.url);
  }
}
