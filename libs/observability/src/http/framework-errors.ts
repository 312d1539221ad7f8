import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { Problem, PROBLEM_MEDIA_TYPE } from './problem';
import { sendProblem } from './send-problem';
import { INTERNAL_ERROR_DETAIL } from './to-problem';

/**
 * Fastify's `frameworkErrors`. A few requests are refused by Fastify's router before any hook,
 * route or error handler runs, and were answered with Fastify's own JSON: a path whose percent-
 * encoding is invalid (FST_ERR_BAD_URL, 400), a path parameter over `maxParamLength`
 * (FST_ERR_MAX_PARAM_LENGTH, 414), a failing async route constraint (500). They are problem details
 * too. Without `instance`: the URL is what is malformed.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.statusCode ?? 500;
  void sendProblem(
    reply,
    status >= 500 ? new Problem(500, INTERNAL_ERROR_DETAIL) : new Problem(status, error.message),
  );
}

/**
 * Fastify's `clientErrorHandler`: a request node's HTTP parser refuses (a malformed request line or
 * header, headers over the size limit, a request that took too long to arrive) never reaches
 * Fastify's routing, and Fastify's default answered it with its own JSON. There is no reply object
 * at this point: the problem is written to the socket, which is then closed, as node does.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? new Problem(408, 'The request did not arrive in time.')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? new Problem(431, 'The request headers are over the size limit.')
        : new Problem(400, 'The request is not well-formed HTTP/1.1.');
  const body = JSON.stringify(problem.body());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${String(problem.body().title)}\r\n` +
        `Content-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
