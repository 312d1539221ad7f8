import { Body, Controller, Get, Header, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { LoginDto } from './login.dto';
import { loginPage } from './login.page';
import { LoginService } from './login.service';
import { Public } from './public.decorator';
import { SESSION_COOKIE } from './session-cookie';

@Controller()
export class LoginController {
  constructor(private readonly login: LoginService) {}

  @Public()
  @Get('login')
  @Header('content-type', 'text/html; charset=utf-8')
  page(@Query('failed') failed?: string): string {
    return loginPage(failed !== undefined);
  }

  @Public()
  @Post('login')
  async submit(@Body() form: LoginDto, @Res() reply: FastifyReply): Promise<void> {
    const cookie = await this.login.login(form);
    if (cookie) await reply.code(303).header('set-cookie', cookie).header('location', '/').send();
    else await reply.code(303).header('location', '/login?failed').send();
  }

  @Post('logout')
  async logout(@Res() reply: FastifyReply): Promise<void> {
    const expired = `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
    await reply.code(303).header('set-cookie', expired).header('location', '/login').send();
  }
}
