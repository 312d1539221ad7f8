import type { HealthIndicatorFunction } from '@nestjs/terminus';

/** What an app provides under READINESS_CHECKS: the indicators `/health/ready` runs. */
export interface ReadinessChecks {
  indicators(): HealthIndicatorFunction[];
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
