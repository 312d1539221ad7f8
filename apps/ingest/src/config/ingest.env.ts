import { KafkaAppEnv, toInt } from '@depeche/config';
import { TOPICS } from '@depeche/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** The ingest app's environment, validated once at start. */
export class IngestEnv extends KafkaAppEnv {
  override HTTP_PORT = 3001;

  @IsString()
  @IsNotEmpty()
  INGEST_TOPIC: string = TOPICS.articleEvents;

  @IsString()
  @IsNotEmpty()
  INGEST_DLQ_TOPIC: string = TOPICS.articleEventsDeadLetter;

  @IsString()
  @IsNotEmpty()
  ITEMS_TOPIC: string = TOPICS.syndicationItems;

  /** Set explicitly: the stock NestJS transport appends `-server` to whatever it is given. */
  @IsString()
  @IsNotEmpty()
  INGEST_GROUP_ID = 'depeche-ingest';

  /** Events larger than this go to the dead-letter topic unread. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  INGEST_MAX_EVENT_BYTES = 1024 * 1024;

  /** How long the group waits for a silent member before giving its partitions to another. */
  @Transform(toInt)
  @IsInt()
  @Min(6_000) // the broker's group.min.session.timeout.ms
  @Max(300_000)
  INGEST_SESSION_TIMEOUT_MS = 30_000;
}
