import { toInt } from '@depeche/config';
import { PipelineTopicsEnv } from '@depeche/kafka';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

/** The ops app's environment, validated once at start. Operator credentials have no default. */
export class OpsEnv extends PipelineTopicsEnv {
  override HTTP_PORT = 3003;

  @IsString()
  @IsNotEmpty()
  OPS_USERNAME!: string;

  @IsString()
  @MinLength(12, { message: 'OPS_PASSWORD must be at least 12 characters' })
  OPS_PASSWORD!: string;

  /**
   * Signs session cookies. When unset, a random one is made at start: sessions then end when the
   * process restarts, and two ops replicas need the same value set explicitly.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'OPS_SESSION_SECRET must be at least 32 characters' })
  OPS_SESSION_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  OPS_SESSION_SECONDS = 8 * 3600;

  /** The ops app's own consumer group: it reads every topic without taking messages from the pipeline. */
  @IsString()
  @IsNotEmpty()
  OPS_GROUP_ID = 'depeche-ops';

  /** Groups whose lag the dashboard shows: ingest on the events topic, the distributor on items. */
  @IsString()
  @IsNotEmpty()
  INGEST_GROUP_ID = 'depeche-ingest';

  @IsString()
  @IsNotEmpty()
  DISTRIBUTOR_GROUP_ID = 'depeche-distributor';
}
