import { Type } from 'class-transformer';
import {
  Equals,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsRFC3339,
  IsString,
  IsObject,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ARTICLE_EVENT_TYPES, CURRENT_SCHEMA_VERSION, type ArticleEventType } from '../event-types';
import { ArticleDto } from './article.dto';

/** The JSON envelope of every article event (value of a message on `articles.events`). */
export class ArticleEventDto {
  /** Unique per event: the same event delivered twice has the same id. */
  @IsUUID()
  eventId!: string;

  @IsIn(ARTICLE_EVENT_TYPES, { message: `type must be one of ${ARTICLE_EVENT_TYPES.join(', ')}` })
  type!: ArticleEventType;

  @IsRFC3339()
  occurredAt!: string;

  /** The CMS that sent it, e.g. `wordpress-newsroom`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source!: string;

  @Equals(CURRENT_SCHEMA_VERSION)
  schemaVersion!: number;

  @IsDefined()
  // ValidateNested alone takes an array of valid objects as well: refused here.
  @IsObject()
  @ValidateNested()
  @Type(() => ArticleDto)
  article!: ArticleDto;
}
