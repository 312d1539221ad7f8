import { Controller, Get } from '@nestjs/common';

/** The process answers HTTP. Readiness (database, migrations, Kafka) is checked separately. */
@Controller('health')
export class LivenessController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
