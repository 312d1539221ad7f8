import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import type { Audience } from '../audience/audience';
import { AudienceGuard, CurrentAudience, requirePartner } from '../audience/audience.guard';
import { VARY } from '../http/prepared-response';
import type { ChangePage } from './change-page';
import { ChangesQuery } from './change.params';
import { ChangeService } from './change.service';

@Controller('v1/changes')
@UseGuards(AudienceGuard)
export class ChangeController {
  constructor(private readonly changes: ChangeService) {}

  @Get()
  @Header('cache-control', 'private, no-store')
  @Header('vary', VARY)
  changesAfter(
    @CurrentAudience() audience: Audience,
    @Query() query: ChangesQuery,
  ): Promise<ChangePage> {
    return this.changes.changes(requirePartner(audience).partner, query);
  }
}
