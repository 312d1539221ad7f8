import type { FastifyInstance } from 'fastify';
import { Problem } from './problem';
import { sendProblem } from './send-problem';

/**
 * While the app closes, a request that still arrives (a keep-alive connection, a pipelined request:
 * server.close() only reaps idle sockets) is answered 503 at once, as Fastify's `return503OnClosing`
 * does, but as problem details like every other error, with Retry-After, and the connection
 * closed so the client's next attempt goes to an instance that is up. Fastify's own answer is
 * turned off where the app is created; this hook, the first of every route's, takes its place.
 */
export function answerWhileClosing(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!closing) {
      done();
      return;
    }
    void sendProblem(
      reply,
      new Problem(503, 'The server is shutting down; retry in a moment.', {
        headers: { 'retry-after': '1', connection: 'close' },
      }),
    );
  });
}
