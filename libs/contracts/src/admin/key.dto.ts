import { IsInt, IsOptional, IsRFC3339, Max, Min } from 'class-validator';

export class IssueKeyDto {
  /** RFC 3339; absent: the key does not expire (it can still be revoked or rotated). */
  @IsRFC3339()
  @IsOptional()
  expiresAt?: string;
}

export class RotateKeyDto {
  /** How long the old key keeps working, so partners can deploy the new one: 24 h by default. */
  @Max(720)
  @Min(0)
  @IsInt()
  @IsOptional()
  graceHours?: number;
}
