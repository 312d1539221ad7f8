import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForeignOrigin, LoginRequired } from './login-required';

/** A page sends the browser to the login form; anything else gets a bare 401 (or 403). */
@Catch(LoginRequired, ForeignOrigin)
export class LoginRequiredFilter implements ExceptionFilter {
  catch(error: LoginRequired | ForeignOrigin, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof ForeignOrigin) {
      void reply.code(403).send({ statusCode: 403, message: error.message });
      return;
    }
    const wantsPage =
      request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) {
      void reply.code(303).header('location', '/login').send();
      return;
    }
    void reply.code(401).send({ statusCode: 401, message: error.message });
  }
}
