import type { Channel, Partner } from '@depeche/entitlements';
import { AdminGuard } from '@depeche/observability';
import type { IssuedKey } from '@depeche/persistence';
import { Body, Controller, Delete, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { AdminService } from './admin.service';

/** Partner administration; bodies are validated by the shared admin DTOs in the service. */
@Controller('v1/admin')
@UseGuards(AdminGuard)
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Post('partners')
  createPartner(@Body() body: unknown): Promise<Partner> {
    return this.admin.createPartner(body);
  }

  /** The raw key is in this answer only: it is stored hashed. */
  @Post('partners/:partnerId/keys')
  issueKey(@Param('partnerId') partnerId: string, @Body() body: unknown): Promise<IssuedKey> {
    return this.admin.issueKey(partnerId, body);
  }

  @Post('keys/:keyId/rotate')
  rotateKey(@Param('keyId') keyId: string, @Body() body: unknown): Promise<IssuedKey> {
    return this.admin.rotateKey(keyId, body);
  }

  @Delete('keys/:keyId')
  @HttpCode(204)
  revokeKey(@Param('keyId') keyId: string): Promise<void> {
    return this.admin.revokeKey(keyId);
  }

  @Put('channels')
  defineChannel(@Body() body: unknown): Promise<Channel> {
    return this.admin.defineChannel(body);
  }
}
