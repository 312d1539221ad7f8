import { KafkaAppEnv } from '@depeche/config';
import { TOPICS } from '@depeche/contracts';
import { IsNotEmpty, IsString } from 'class-validator';

/**
 * The CLI reaches Kafka and the database through the apps' own variables, validated the same way.
 * It serves nothing: HTTP_PORT, which AppEnv requires, gets a default so it is never demanded.
 */
export class DepecheCliEnv extends KafkaAppEnv {
  override HTTP_PORT = 3000;

  @IsString()
  @IsNotEmpty()
  INGEST_TOPIC: string = TOPICS.articleEvents;

  @IsString()
  @IsNotEmpty()
  INGEST_DLQ_TOPIC: string = TOPICS.articleEventsDeadLetter;

  @IsString()
  @IsNotEmpty()
  ITEMS_TOPIC: string = TOPICS.syndicationItems;

  @IsString()
  @IsNotEmpty()
  OPS_EVENTS_TOPIC = 'ops.events';
}
