import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PullLog } from '../audit/pull-log';
import type { Audience } from '../audience/audience';
import { AudienceGate } from '../audience/audience-gate';
import { sendProblem, toProblem } from '@depeche/observability';
import { sendPrepared } from '../http/prepared-response';
import { FeedRequests } from '../metrics/feed-requests';
import type { FeedAnswer } from './feed-answer';
import { consistencyOf } from './feed-consistency';
import { feedRequestOf } from './feed-request';
import { FeedService } from './feed.service';

/** Routes served by Fastify directly rather than through a Nest controller (for the OpenAPI check). */
export const PLAIN_ROUTES = ['GET /v1/feeds/{file}'] as const;

/**
 * `GET /v1/feeds/{channel}.{ext}`, the request partners repeat most (a conditional GET of a
 * cached document), as a plain Fastify route. Nest's pipeline around a controller (guard,
 * parameter decorators, the global ValidationPipe, the exception zone) cost more than the answer
 * itself; this route makes the same calls in the same order instead: the audience gate (key,
 * rate limit: 401, 429), the DTO validation (400), the feed service (401, 403), the prepared
 * answer (200, 304, 204), and the same problem writer for every error.
 *
 * Per request it adds only a counter increment and, for a partner's 200, an in-memory append to
 * the pull log (written to the database in batches, off the request path).
 */
@Injectable()
export class FeedRoute implements OnModuleInit {
  private readonly logger = new Logger('feed-api');

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly gate: AudienceGate,
    private readonly feeds: FeedService,
    private readonly requests: FeedRequests,
    private readonly pulls: PullLog,
  ) {}

  /** Runs before the server listens: Fastify takes routes until it is ready. */
  onModuleInit(): void {
    const fastify = this.host.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/v1/feeds/:file', (request, reply) => this.serve(request, reply));
  }

  private async serve(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    try {
      const audience = await this.gate.admit(request);
      const { params, query } = await feedRequestOf(request.params, request.query);
      const consistency = consistencyOf(request.headers, this.feeds.now());
      const answer = await this.feeds.feed(audience, params, query, consistency);
      sendPrepared(request, reply, answer.prepared);
      this.account(request, reply, audience, answer);
      return reply;
    } catch (error) {
      const problem = toProblem(error);
      // 503 is an answer, not a fault: a consistent read this process could not give in time.
      if (problem.status >= 500 && problem.status !== 503) {
        this.logger.error(error instanceof Error ? error.stack : error);
      }
      this.requests.count(problem.status, 'none');
      return sendProblem(reply, problem, request.url);
    }
  }

  /** After the answer is sent: counts it and, when a partner received bytes, records the pull. */
  private account(
    request: FastifyRequest,
    reply: FastifyReply,
    audience: Audience,
    answer: FeedAnswer,
  ): void {
    const status = reply.statusCode;
    this.requests.count(status, status === 304 ? 'not-modified' : answer.cache);
    this.pulls.recordSent(request, reply, audience, answer);
  }
}
