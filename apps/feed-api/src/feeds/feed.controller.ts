import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PullLog } from '../audit/pull-log';
import type { Audience } from '../audience/audience';
import { AudienceGuard, CurrentAudience } from '../audience/audience.guard';
import { sendRepresentation } from '../http/prepared-response';
import { ArchiveParams, ArchiveQuery } from './feed.params';
import { FeedService } from './feed.service';

/**
 * Archive pages. The subscription feed, `GET /v1/feeds/:file`, the hot path partners poll, is a
 * plain Fastify route (feed.route.ts) that calls the same gate, validation and service.
 */
@Controller('v1/feeds')
@UseGuards(AudienceGuard)
export class FeedController {
  constructor(
    private readonly feeds: FeedService,
    private readonly pulls: PullLog,
  ) {}

  @Get(':channel/archive/:file')
  async archive(
    @CurrentAudience() audience: Audience,
    @Param() params: ArchiveParams,
    @Query() query: ArchiveQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const page = await this.feeds.archive(audience, params, query);
    sendRepresentation(request, reply, page);
    this.pulls.recordSent(request, reply, audience, page);
    return reply;
  }
}
