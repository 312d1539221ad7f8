import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { READINESS_CHECKS, type ReadinessChecks } from './readiness-checks';

/** 200 when every indicator is up, 503 with the failing ones named otherwise. */
@Controller('health')
export class ReadinessController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessChecks,
  ) {}

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(this.checks.indicators());
  }
}
