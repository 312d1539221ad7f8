import { KafkaAppEnv } from '@depeche/config';
import { IsNotEmpty, IsString, MinLength } from 'class-validator';

/** The ops app's environment, validated once at start. Operator credentials have no default. */
export class OpsEnv extends KafkaAppEnv {
  override HTTP_PORT = 3003;

  @IsString()
  @IsNotEmpty()
  OPS_USERNAME!: string;

  @IsString()
  @MinLength(12, { message: 'OPS_PASSWORD must be at least 12 characters' })
  OPS_PASSWORD!: string;
}
