import { KafkaAppEnv, toInt } from '@depeche/config';
import { TOPICS } from '@depeche/contracts';
import { Transform } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  type ValidationArguments,
  type ValidatorConstraintInterface,
  ValidatorConstraint,
} from 'class-validator';
import { parseAllowList } from './allow-list';
import { IsSecretKey } from './secret-key';

@ValidatorConstraint({ name: 'leaseOutlastsRequest' })
class LeaseOutlastsRequest implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const env = args.object as DistributorEnv;
    return typeof value === 'number' && value > env.DISTRIBUTOR_REQUEST_TIMEOUT_MS;
  }
  defaultMessage(): string {
    return 'DISTRIBUTOR_LEASE_MS must be longer than DISTRIBUTOR_REQUEST_TIMEOUT_MS, or a slow request would be taken over and sent twice';
  }
}

@ValidatorConstraint({ name: 'allowList' })
class AllowListConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseAllowList(value) !== undefined;
  }
  defaultMessage(): string {
    return 'DISTRIBUTOR_WEBHOOK_ALLOW must be comma-separated CIDRs, addresses or host names';
  }
}

const HTTP_URL = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** The distributor's environment, validated once at start. */
export class DistributorEnv extends KafkaAppEnv {
  override HTTP_PORT = 3002;

  @IsString()
  @IsNotEmpty()
  ITEMS_TOPIC: string = TOPICS.syndicationItems;

  /** Items that cannot be read (never expected: ingest writes them) go here with the reason. */
  @IsString()
  @IsNotEmpty()
  DISTRIBUTOR_DLQ_TOPIC = 'syndication.items.dlq';

  @IsString()
  @IsNotEmpty()
  DISTRIBUTOR_GROUP_ID = 'depeche-distributor';

  /** Where every attempt's outcome is reported for operators (apps/ops/README.md). */
  @IsString()
  @IsNotEmpty()
  OPS_EVENTS_TOPIC = 'ops.events';

  /** AES-256-GCM key of webhook secrets and WebSub secrets at rest: 32 bytes, base64. Required. */
  @IsSecretKey()
  DISTRIBUTOR_SECRET_KEY!: string;

  /** Bearer token of the admin API (/admin/…); the admin API answers 503 while unset. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'DISTRIBUTOR_ADMIN_TOKEN must be at least 16 characters' })
  DISTRIBUTOR_ADMIN_TOKEN?: string;

  /** Private addresses webhook and callback URLs may reach anyway (CIDRs or host names). */
  @Validate(AllowListConstraint)
  DISTRIBUTOR_WEBHOOK_ALLOW = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DISTRIBUTOR_MAX_ATTEMPTS = 15;

  /** Seconds after a delivery became due before it is dead-lettered, whatever its attempts. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30 * 86_400)
  DISTRIBUTOR_MAX_AGE_SECONDS = 86_400;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  DISTRIBUTOR_RETRY_INITIAL_MS = 1_000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86_400_000)
  DISTRIBUTOR_RETRY_MAX_MS = 600_000;

  /** Requests in flight to one endpoint from one process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  DISTRIBUTOR_ENDPOINT_CONCURRENCY = 4;

  /** Requests in flight from one process in all. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2_000)
  DISTRIBUTOR_MAX_IN_FLIGHT = 256;

  /** Consecutive failures that open an endpoint's circuit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  DISTRIBUTOR_CIRCUIT_FAILURES = 5;

  /** How long an open circuit stays open before one probe is let through. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DISTRIBUTOR_CIRCUIT_OPEN_MS = 30_000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(300_000)
  DISTRIBUTOR_REQUEST_TIMEOUT_MS = 10_000;

  /** A claim's lease: longer than a request can take, or a slow delivery would be taken over. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  @Validate(LeaseOutlastsRequest)
  DISTRIBUTOR_LEASE_MS = 60_000;

  /** How often workers look for due deliveries when nothing wakes them. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(60_000)
  DISTRIBUTOR_POLL_MS = 250;

  /** Base of the feed URLs the hub accepts as topics (feed-api). */
  @Matches(HTTP_URL, { message: 'DISTRIBUTOR_FEED_API_URL must be an http(s) URL' })
  DISTRIBUTOR_FEED_API_URL = 'http://127.0.0.1:3000';

  /** This hub's own URL, sent in content distribution Link headers (WebSub §7). */
  @Matches(HTTP_URL, { message: 'DISTRIBUTOR_HUB_URL must be an http(s) URL' })
  DISTRIBUTOR_HUB_URL = 'http://127.0.0.1:3002/websub';

  /** Base of the self links of pushed JSON Feed and Atom documents. */
  @Matches(HTTP_URL, { message: 'PUBLIC_BASE_URL must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365 * 86_400)
  DISTRIBUTOR_WEBSUB_MIN_LEASE_SECONDS = 300;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365 * 86_400)
  DISTRIBUTOR_WEBSUB_DEFAULT_LEASE_SECONDS = 10 * 86_400;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365 * 86_400)
  DISTRIBUTOR_WEBSUB_MAX_LEASE_SECONDS = 30 * 86_400;

  /** WebSub subscriptions a partner (or the public's callbacks of one origin) may hold. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  DISTRIBUTOR_WEBSUB_MAX_SUBSCRIPTIONS = 1_000;
}
