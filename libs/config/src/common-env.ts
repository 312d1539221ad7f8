import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** host:port[,host:port…] */
const BROKER_LIST = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;

/** Environment variables are strings; numbers are converted before validation, anything else is left to fail. */
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/**
 * Variables every depeche app reads. Property names are the environment variable names,
 * and the defaults are the embedded set-up of `npm start`.
 */
export class AppEnv {
  /** `sqlite` (embedded, the default) or `postgres`. */
  @IsIn(DATABASE_KINDS)
  DATABASE_KIND: DatabaseKind = 'sqlite';

  /** PostgreSQL connection string, required when DATABASE_KIND=postgres. */
  @ValidateIf((env: AppEnv) => env.DATABASE_KIND === 'postgres')
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /** SQLite file shared by the apps of one machine (WAL mode allows one writer and many readers). */
  @IsString()
  @IsNotEmpty()
  SQLITE_PATH = '.cache/depeche.sqlite';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT!: number;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';
}

/** An app that talks to Kafka (ingest, distributor, ops). feed-api does not: it reads the store. */
export class KafkaAppEnv extends AppEnv {
  /** Comma-separated bootstrap brokers. */
  @Matches(BROKER_LIST, { message: 'KAFKA_BROKERS must be host:port[,host:port…]' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID = 'depeche';
}
