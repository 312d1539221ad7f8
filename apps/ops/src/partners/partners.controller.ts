import { Body, Controller, Post, Redirect, Req } from '@nestjs/common';
import { actorOf } from '../auth/actor';
import type { OperatorRequest } from '../auth/operator.guard';
import { PartnerRedeliveryDto, PartnerStatusDto } from './partner-status.dto';
import { PartnerStatusService } from './partner-status.service';

@Controller('partners')
export class PartnersController {
  constructor(private readonly status: PartnerStatusService) {}

  @Post('status')
  @Redirect('/', 303)
  set(@Body() change: PartnerStatusDto, @Req() req: OperatorRequest): Promise<void> {
    return this.status.set(change, actorOf(req));
  }

  @Post('redeliver')
  @Redirect('/', 303)
  redeliver(@Body() request: PartnerRedeliveryDto, @Req() req: OperatorRequest): Promise<void> {
    return this.status.redeliver(request.partnerId, actorOf(req));
  }
}
