import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { IngestRuntime } from './ingest.runtime';

/**
 * Ready when the database answers, migrations are applied and the consumer owns partitions: only
 * then is work flowing. 503 names the failing check.
 */
@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly runtime: IngestRuntime,
  ) {}

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(this.runtime.indicators());
  }
}
