import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../audience/audience';
import { AudienceGuard, CurrentAudience } from '../audience/audience.guard';
import { sendRepresentation } from '../http/send-representation';
import { ArchiveParams, FeedParams, FeedQuery } from './feed.params';
import { FeedService } from './feed.service';

@Controller('v1/feeds')
@UseGuards(AudienceGuard)
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Get(':file')
  async feed(
    @CurrentAudience() audience: Audience,
    @Param() params: FeedParams,
    @Query() query: FeedQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendRepresentation(request, reply, await this.feeds.feed(audience, params, query));
  }

  @Get(':channel/archive/:file')
  async archive(
    @CurrentAudience() audience: Audience,
    @Param() params: ArchiveParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    return sendRepresentation(request, reply, await this.feeds.archive(audience, params));
  }
}
