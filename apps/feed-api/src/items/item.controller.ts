import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PullLog } from '../audit/pull-log';
import type { Audience } from '../audience/audience';
import { AudienceGuard, CurrentAudience, requirePartner } from '../audience/audience.guard';
import { sendRepresentation } from '../http/prepared-response';
import { ItemParams, ItemQuery, VersionParams } from './item.params';
import { DEFAULT_ITEM_FORMAT } from './item-format';
import { ItemService } from './item.service';

@Controller('v1/items')
@UseGuards(AudienceGuard)
export class ItemController {
  constructor(
    private readonly items: ItemService,
    private readonly pulls: PullLog,
  ) {}

  @Get(':id')
  async item(
    @CurrentAudience() audience: Audience,
    @Param() params: ItemParams,
    @Query() query: ItemQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { partner } = requirePartner(audience);
    sendRepresentation(request, reply, await this.items.item(partner, params, query));
    return this.recorded(request, reply, audience, params.id, query);
  }

  @Get(':id/versions/:n')
  async version(
    @CurrentAudience() audience: Audience,
    @Param() params: VersionParams,
    @Query() query: ItemQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { partner } = requirePartner(audience);
    sendRepresentation(request, reply, await this.items.version(partner, params, query));
    return this.recorded(request, reply, audience, params.id, query);
  }

  /** A story a partner received is a pull for the audit trail, as a feed is. */
  private recorded(
    request: FastifyRequest,
    reply: FastifyReply,
    audience: Audience,
    id: string,
    query: ItemQuery,
  ): FastifyReply {
    const format = query.format ?? DEFAULT_ITEM_FORMAT;
    this.pulls.recordSent(request, reply, audience, { articleIds: [id], format });
    return reply;
  }
}
