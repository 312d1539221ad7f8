import { Transform } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { LANGUAGE_TAG, languageList, trimmedList, upperCaseList } from './admin-transforms';
import {
  EMBARGO_POLICIES,
  FEED_FORMATS,
  PARTNER_CONTENT_LEVELS,
  type EmbargoPolicy,
  type Entitlement,
  type FeedFormat,
  type PartnerContentLevel,
} from './partner-data';

/**
 * A partner's entitlement as the admin API and CLI accept it; see Entitlement for the meaning.
 * Decorators run bottom-up and validateAdminInput stops at a field's first failure, so each
 * field lists its checks from the most specific (top) to presence and type (bottom).
 */
export class EntitlementDto implements Entitlement {
  /** At least one: a partner without sections would see nothing. */
  @MaxLength(100, { each: true })
  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  @ArrayMinSize(1)
  @IsArray()
  @IsDefined({ message: '$property is required' })
  @Transform(trimmedList)
  sections!: string[];

  @Matches(LANGUAGE_TAG, { each: true, message: 'each value in languages must be a BCP 47 tag' })
  @IsArray()
  @Transform(languageList)
  languages: string[] = [];

  @IsISO31661Alpha2({
    each: true,
    message: 'each value in territories must be an ISO 3166-1 alpha-2 code',
  })
  @IsArray()
  @Transform(upperCaseList)
  territories: string[] = [];

  @IsIn(PARTNER_CONTENT_LEVELS)
  @IsDefined({ message: '$property is required' })
  contentLevel!: PartnerContentLevel;

  @IsIn(FEED_FORMATS, { each: true })
  @ArrayMinSize(1)
  @IsArray()
  @Transform(trimmedList)
  formats: FeedFormat[] = [...FEED_FORMATS];

  @IsIn(EMBARGO_POLICIES)
  embargo: EmbargoPolicy = 'on-lift';
}
