import { KafkaAppEnv } from '@depeche/config';
import { TOPICS } from '@depeche/contracts';
import { IsNotEmpty, IsString } from 'class-validator';

/** The distributor's environment, validated once at start. */
export class DistributorEnv extends KafkaAppEnv {
  override HTTP_PORT = 3002;

  @IsString()
  @IsNotEmpty()
  ITEMS_TOPIC: string = TOPICS.syndicationItems;

  @IsString()
  @IsNotEmpty()
  DISTRIBUTOR_GROUP_ID = 'depeche-distributor';
}
