import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { WebsubHub } from './websub-hub';

/** W3C WebSub §5.1: the hub URL takes form-encoded subscription requests and answers 202 Accepted. */
@Controller('websub')
export class WebsubController {
  constructor(private readonly hub: WebsubHub) {}

  @Post()
  @HttpCode(202)
  request(@Body() body: unknown, @Headers('authorization') authorization?: string): Promise<void> {
    return this.hub.request(body, /^Bearer (.+)$/i.exec(authorization ?? '')?.[1], new Date());
  }
}
