import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import type { OperatorRequest } from '../auth/operator.guard';
import { dashboardPage } from './dashboard.page';
import { OverviewService } from './overview.service';

@Controller()
export class DashboardController {
  constructor(private readonly overview: OverviewService) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  async page(@Req() req: OperatorRequest, @Query('replayed') replayed?: string): Promise<string> {
    return dashboardPage(await this.overview.overview(), req.operator ?? '', replayed);
  }
}
