import {
  WEBHOOK_FORMATS,
  WEBHOOK_STATUSES,
  type WebhookFormat,
  type WebhookStatus,
} from '@depeche/persistence';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateWebhookDto {
  @IsString()
  @MaxLength(2048)
  url!: string;

  @IsIn(WEBHOOK_FORMATS)
  format!: WebhookFormat;
}

export class UpdateWebhookDto {
  @IsOptional()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @IsOptional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;

  @IsOptional()
  @IsIn(WEBHOOK_STATUSES)
  status?: WebhookStatus;
}

export class RotateSecretDto {
  /** How long the previous secret keeps signing too: 0 to 720 hours, 24 when absent. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours?: number;
}
