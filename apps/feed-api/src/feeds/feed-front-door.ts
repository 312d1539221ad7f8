import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { PullLog } from '../audit/pull-log';
import { AudienceGate } from '../audience/audience-gate';
import { chooseAnswer } from '../http/prepared-response';
import { FeedRequests } from '../metrics/feed-requests';
import { asksForConsistency } from './feed-consistency';
import { plainFeedTarget } from './feed-request';
import { FeedService } from './feed.service';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The feed route's steady state, answered from memory before Fastify sees the request: a plainly
 * valid `GET /v1/feeds/{file}` whose key, channel and document are all cached and whose rate
 * limit has a token. It calls what the route calls (the audience gate, the feed service, the same
 * prepared answer, counter and pull log) in their synchronous forms and writes node's response
 * itself. Everything else, including every refusal, goes on to Fastify and the route unchanged.
 *
 * Why: a partner's conditional GET of an unchanged feed is most of what feed-api serves, and
 * Fastify's request and reply objects, router and hooks were a fifth of that request's cost (the
 * issue's target, 0.6× nginx on this path, is ~90 % of a bare node:http server here). A spec
 * checks that both doors give byte-identical answers.
 */
@Injectable()
export class FeedFrontDoor implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('feed-api');
  /** From the start of shutdown on, Fastify answers everything (it drains and sheds load). */
  private closing = false;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly gate: AudienceGate,
    private readonly feeds: FeedService,
    private readonly requests: FeedRequests,
    private readonly pulls: PullLog,
  ) {}

  /** Stands in front of Fastify's request listener (Fastify made its server when it was created). */
  onModuleInit(): void {
    const server = this.host.httpAdapter.getHttpServer() as Server;
    const routed = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      if (this.serve(request, response)) return;
      for (const listener of routed) listener(request, response);
    });
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  /** true when answered here; false when Fastify is to route the request. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.closing || request.method !== 'GET' || request.url === undefined) return false;
    try {
      return this.answer(request, response, request.url);
    } catch (error) {
      // A bug here must not take the request down with it: Fastify answers it if it still can.
      this.logger.error(error instanceof Error ? error.stack : error);
      if (!response.headersSent) return false;
      // Sent in full already (the accounting after it threw): the answer stands.
      if (!response.writableEnded) response.destroy();
      return true;
    }
  }

  private answer(request: IncomingMessage, response: ServerResponse, url: string): boolean {
    const target = plainFeedTarget(url);
    if (target === undefined || asksForConsistency(request.headers)) return false;
    const ip = request.socket.remoteAddress ?? '';
    const admitted = this.gate.audienceAtOnce({ headers: request.headers, ip });
    if (admitted === undefined) return false;
    const answer = this.feeds.feedAtOnce(admitted.audience, target.file, target.limit);
    if (answer === undefined || !this.gate.takeAtOnce(admitted)) return false;
    const chosen = chooseAnswer(answer.prepared, request.headers);
    response.writeHead(chosen.status, chosen.headers);
    response.end(chosen.body);
    this.requests.count(chosen.status, chosen.status === 304 ? 'not-modified' : answer.cache);
    this.pulls.record(admitted.audience, answer, chosen.status, chosen.headers.etag, url);
    return true;
  }
}
