import { validateAdminInput } from '@depeche/contracts';
import { AdminGuard } from '@depeche/observability';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  UseGuards,
} from '@nestjs/common';
import { WebhookAdmin, type WebhookView } from './webhook-admin';
import { CreateWebhookDto, RotateSecretDto, UpdateWebhookDto } from './webhook.dto';

@Controller('admin')
@UseGuards(AdminGuard)
export class WebhooksController {
  constructor(private readonly admin: WebhookAdmin) {}

  @Post('partners/:partnerId/webhooks')
  create(
    @Param('partnerId') partnerId: string,
    @Body() body: unknown,
  ): Promise<{ endpoint: WebhookView; secret: string }> {
    return this.admin.create(partnerId, validateAdminInput(CreateWebhookDto, body ?? {}));
  }

  @Get('partners/:partnerId/webhooks')
  list(@Param('partnerId') partnerId: string): Promise<WebhookView[]> {
    return this.admin.list(partnerId);
  }

  @Patch('webhooks/:id')
  update(@Param('id') id: string, @Body() body: unknown): Promise<WebhookView> {
    return this.admin.update(id, validateAdminInput(UpdateWebhookDto, body ?? {}));
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  rotate(
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<{ endpoint: WebhookView; secret: string }> {
    return this.admin.rotate(id, validateAdminInput(RotateSecretDto, body ?? {}));
  }

  @Delete('webhooks/:id')
  remove(@Param('id') id: string): Promise<{ id: string; removed: boolean }> {
    return this.admin.remove(id);
  }
}
