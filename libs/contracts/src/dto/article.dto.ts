import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsLocale,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsRFC3339,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_ARTICLE_VERSION } from '../article-version';
import { ArticleAuthorDto } from './article-author.dto';
import { ArticleImageDto } from './article-image.dto';
import { ArticleLocationDto } from './article-location.dto';
import { ArticleRightsDto } from './article-rights.dto';
import { ArticleSubjectDto } from './article-subject.dto';

/** A story as the CMS sends it, in every event type. The field names are the contract (docs/asyncapi.yaml). */
export class ArticleDto {
  /** The CMS's id; also the Kafka key. */
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, {
    message: 'id must be 1–200 characters of letters, digits, . _ : -',
  })
  id!: string;

  /** Grows with every change of the story; at most 2^31 − 1, what the store's INTEGER holds. */
  @IsInt()
  @Min(1)
  @Max(MAX_ARTICLE_VERSION)
  version!: number;

  /** BCP 47, e.g. `fr` or `fr-BE`. */
  @IsLocale()
  language!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  headline!: string;

  @IsString()
  @MaxLength(5000)
  standfirst!: string;

  /** An HTML fragment; sanitised by ingest to an allow-list. */
  @IsString()
  body!: string;

  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  sections!: string[];

  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  keywords!: string[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ArticleSubjectDto)
  subjects?: ArticleSubjectDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ArticleAuthorDto)
  authors!: ArticleAuthorDto[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  dateline?: string;

  @IsOptional()
  // ValidateNested alone takes an array of valid objects (and normalisation then lost it).
  @IsObject()
  @ValidateNested()
  @Type(() => ArticleLocationDto)
  location?: ArticleLocationDto;

  /** The publisher that syndicates the story. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider!: string;

  /** The agency the story came from, when not the publisher's own. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceAgency?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  creditLine?: string;

  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  canonicalUrl!: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ArticleImageDto)
  images!: ArticleImageDto[];

  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ArticleRightsDto)
  rights!: ArticleRightsDto;

  /** Not to be published before this time. */
  @IsOptional()
  @IsRFC3339()
  embargoUntil?: string;

  @IsRFC3339()
  firstPublishedAt!: string;

  @IsRFC3339()
  updatedAt!: string;

  /** What a correction changed; required on `article.corrected`. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  correctionNote?: string;

  /** IPTC urgency: 1 (flash) to 9; 5 when absent. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  urgency?: number;

  /** IPTC genre name, e.g. `Current`, `Analysis`, `Interview`. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  genre?: string;

  /** When the story was withdrawn; on `article.withdrawn`, `occurredAt` when absent. */
  @IsOptional()
  @IsRFC3339()
  withdrawnAt?: string;
}
