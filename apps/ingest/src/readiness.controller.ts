import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { IngestRuntime } from './ingest.runtime';

/** Ready when migrations are applied and the consumer owns partitions: only then is work flowing. */
@Controller('health')
export class ReadinessController {
  constructor(private readonly runtime: IngestRuntime) {}

  @Get('ready')
  ready(): { status: 'ok'; partitions: string[] } {
    const partitions = this.runtime.assignedPartitions();
    if (!this.runtime.migrated || partitions.length === 0) {
      throw new ServiceUnavailableException({
        status: 'starting',
        migrated: this.runtime.migrated,
        partitions,
      });
    }
    return { status: 'ok', partitions };
  }
}
