import { toInt } from '@depeche/config';
import { PipelineTopicsEnv } from '@depeche/kafka';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

/** The ingest app's environment, validated once at start. */
export class IngestEnv extends PipelineTopicsEnv {
  override HTTP_PORT = 3001;

  /** Set explicitly: the stock NestJS transport appends `-server` to whatever it is given. */
  @IsString()
  @IsNotEmpty()
  INGEST_GROUP_ID = 'depeche-ingest';

  /**
   * Events larger than this go to the dead-letter topic unread. At most 2 MiB: the item announced
   * on syndication.items (the article normalised, body as a tree and as text) can be about three
   * times the event, and that topic takes messages of up to 8 MiB.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(2 * 1024 * 1024)
  INGEST_MAX_EVENT_BYTES = 1024 * 1024;

  /** How long the group waits for a silent member before giving its partitions to another. */
  @Transform(toInt)
  @IsInt()
  @Min(6_000) // the broker's group.min.session.timeout.ms
  @Max(300_000)
  INGEST_SESSION_TIMEOUT_MS = 30_000;

  /**
   * Partitions handled at once by one process. Each partition stays in order; their batches, handed
   * in while a transaction runs, are stored together in the next one (CombinedStore), so the CPU
   * work of some overlaps the commit of others. 6, the pipeline topics' partition count: at 200
   * events/s (bench:feeds) produce → committed p50 44 ms, p99 363 ms against 169 ms and 1.3 s for
   * 1, whose six small transactions per fetch queue behind each other; under a backlog
   * (bench:ingest) 876 against 850 events/s, for 345 against 286 MB of peak RSS.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  INGEST_PARTITIONS_CONCURRENTLY = 6;

  /**
   * Bytes one fetch may bring, all partitions together. Fetched events wait in memory until their
   * partition's turn, so this bounds the footprint; one partition's batch is at most 1 MiB anyway.
   * 2 MiB instead of kafkajs' 10 MiB: peak RSS 311 → 276 MB in bench:ingest, the same events/s.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1024 * 1024)
  @Max(64 * 1024 * 1024)
  INGEST_FETCH_MAX_BYTES = 2 * 1024 * 1024;
}
