import { Body, Controller, Post, Redirect, Req } from '@nestjs/common';
import { actorOf } from '../auth/actor';
import type { OperatorRequest } from '../auth/operator.guard';
import { ReplayFilterDto, ReplayOneDto } from './replay.dto';
import { ReplayService } from './replay.service';

/** Replays answer with a redirect to the dashboard, which says how many went back. */
@Controller('dead-letters')
export class ReplayController {
  constructor(private readonly replay: ReplayService) {}

  @Post('replay-one')
  @Redirect('/', 303)
  async one(@Body() ref: ReplayOneDto, @Req() req: OperatorRequest): Promise<{ url: string }> {
    return { url: `/?replayed=${await this.replay.one(ref, actorOf(req))}` };
  }

  @Post('replay')
  @Redirect('/', 303)
  async matching(
    @Body() filter: ReplayFilterDto,
    @Req() req: OperatorRequest,
  ): Promise<{ url: string }> {
    return { url: `/?replayed=${await this.replay.matching(filter, actorOf(req))}` };
  }
}
