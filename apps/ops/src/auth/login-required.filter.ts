import { Problem, sendProblem } from '@depeche/observability';
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForeignOrigin, LoginRequired } from './login-required';
import { SESSION_COOKIE } from './session-cookie';

/**
 * RFC 9110 §11.6.1: a 401 carries a challenge. Sessions are cookies set by the login form, for
 * which HTTP has no registered scheme; this names it the way the cookie-auth draft did, so a client
 * can tell where to log in.
 */
const CHALLENGE = `Cookie realm="depeche-ops", form-action="/login", cookie-name="${SESSION_COOKIE}"`;

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
    const problem = new Problem(401, error.message, { headers: { 'www-authenticate': CHALLENGE } });
    void sendProblem(reply, problem, request.url);
  }
}
