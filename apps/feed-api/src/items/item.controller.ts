import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../audience/audience';
import { AudienceGuard, CurrentAudience, requirePartner } from '../audience/audience.guard';
import { sendRepresentation } from '../http/prepared-response';
import { ItemParams, ItemQuery, VersionParams } from './item.params';
import { ItemService } from './item.service';

@Controller('v1/items')
@UseGuards(AudienceGuard)
export class ItemController {
  constructor(private readonly items: ItemService) {}

  @Get(':id')
  async item(
    @CurrentAudience() audience: Audience,
    @Param() params: ItemParams,
    @Query() query: ItemQuery,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const { partner } = requirePartner(audience);
    return sendRepresentation(request, reply, await this.items.item(partner, params, query));
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
    return sendRepresentation(request, reply, await this.items.version(partner, params, query));
  }
}
