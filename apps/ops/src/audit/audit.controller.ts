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
  async page(@Req() req: OperatorRequest, @Query('id') id: unknown): Promise<string> {
    // `?id=a&id=b` arrives as an array: take the first, never hand an array to the database.
    const first: unknown = Array.isArray(id) ? id[0] : id;
    const articleId = typeof first === 'string' ? first.slice(0, 200) : '';
    return auditPage(await this.trail.of(articleId), req.operator ?? '');
  }
}
