import { Controller, Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AudienceGuard } from '../audience/audience.guard';
import { sendRepresentation } from '../http/prepared-response';
import { SITEMAP_FILE, SitemapParams } from './sitemap.params';
import { SitemapService } from './sitemap.service';

@Controller('v1/sitemaps')
@UseGuards(AudienceGuard)
export class SitemapController {
  constructor(private readonly sitemaps: SitemapService) {}

  @Get(':file')
  async sitemap(
    @Param() params: SitemapParams,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const slug = SITEMAP_FILE.exec(params.file)?.[1] ?? '';
    return sendRepresentation(request, reply, await this.sitemaps.sitemap(slug));
  }
}
