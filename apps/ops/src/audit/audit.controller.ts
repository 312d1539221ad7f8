import { ArticleAuditTrail } from '@depeche/persistence';
import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import type { OperatorRequest } from '../auth/operator.guard';
import { OpsRuntime } from '../runtime/ops-runtime';
import { auditPage } from './audit.page';

@Controller('articles')
export class AuditController {
  private readonly trail: ArticleAuditTrail;

  constructor(runtime: OpsRuntime) {
    this.trail = new ArticleAuditTrail(runtime.db);
  }

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  async page(@Req() req: OperatorRequest, @Query('id') id = ''): Promise<string> {
    return auditPage(await this.trail.of(id.slice(0, 200)), req.operator ?? '');
  }
}
