import { KafkaAppEnv } from '@depeche/config';
import { TOPICS } from '@depeche/contracts';
import { IsNotEmpty, IsString } from 'class-validator';

/**
 * The pipeline's topic names, as every Kafka client of depeche reads them: one declaration, so an
 * operator who renames a topic renames it for ingest, ops and the CLI alike.
 */
export class PipelineTopicsEnv extends KafkaAppEnv {
  @IsString()
  @IsNotEmpty()
  INGEST_TOPIC: string = TOPICS.articleEvents;

  @IsString()
  @IsNotEmpty()
  INGEST_DLQ_TOPIC: string = TOPICS.articleEventsDeadLetter;

  @IsString()
  @IsNotEmpty()
  ITEMS_TOPIC: string = TOPICS.syndicationItems;

  /** Where the distributor reports delivery outcomes (apps/ops/README.md). */
  @IsString()
  @IsNotEmpty()
  OPS_EVENTS_TOPIC: string = TOPICS.opsEvents;
}
