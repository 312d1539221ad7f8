import { Controller, Get } from '@nestjs/common';
import { DistributorRuntime } from './distributor.runtime';
import { Problem } from './http/problem';

/**
 * Ready when migrations are applied and the consumer runs. Owning no partition is fine: a second
 * process of a scaled-out distributor may own none and still sends deliveries from the queue.
 */
@Controller('health')
export class ReadinessController {
  constructor(private readonly runtime: DistributorRuntime) {}

  @Get('ready')
  ready(): { status: 'ok'; partitions: string[] } {
    if (!this.runtime.migrated || !this.runtime.consuming) {
      throw new Problem(
        503,
        `starting: migrated ${this.runtime.migrated}, consuming ${this.runtime.consuming}`,
      );
    }
    return { status: 'ok', partitions: this.runtime.assignedPartitions() };
  }
}
