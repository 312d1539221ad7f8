import { Transform, Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { LANGUAGE_TAG, languageList, languageTag, SLUG, trimmedList } from './admin-transforms';
import {
  PARTNER_CONTENT_LEVELS,
  type Channel,
  type ChannelFilter,
  type PartnerContentLevel,
} from './partner-data';

export class ChannelFilterDto implements ChannelFilter {
  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  @IsArray()
  @Transform(trimmedList)
  sections: string[] = [];

  @IsNotEmpty({ each: true })
  @IsString({ each: true })
  @IsArray()
  @Transform(trimmedList)
  keywords: string[] = [];

  @Matches(LANGUAGE_TAG, { each: true, message: 'each value in languages must be a BCP 47 tag' })
  @IsArray()
  @Transform(languageList)
  languages: string[] = [];
}

/** A field that only a public channel (no partnerId) may carry. */
function PublicChannelsOnly(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'publicChannelsOnly',
      validator: {
        validate: (value: unknown, args) =>
          value === undefined || (args?.object as ChannelDto).partnerId === undefined,
        defaultMessage: (args) => `${args?.property ?? 'this field'} is for public channels only`,
      },
    },
    options,
  );
}

/** Decorators run bottom-up: see EntitlementDto. Defines (creates or replaces) a channel: a partner's when partnerId is set, public otherwise. */
export class ChannelDto implements Channel {
  @Matches(SLUG, { message: 'slug must be lower-case letters, digits and dashes (at most 64)' })
  @IsDefined({ message: '$property is required' })
  slug!: string;

  @IsNotEmpty()
  @IsString()
  @IsOptional()
  partnerId?: string;

  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: '$property is required' })
  title!: string;

  // ValidateNested alone takes an array of valid objects as well.
  @IsObject()
  @ValidateNested()
  @IsDefined()
  @Type(() => ChannelFilterDto)
  filter: ChannelFilterDto = new ChannelFilterDto();

  @IsIn(PARTNER_CONTENT_LEVELS)
  @IsOptional()
  @PublicChannelsOnly()
  publicLevel?: PartnerContentLevel;

  @Matches(LANGUAGE_TAG, { message: 'language must be a BCP 47 tag' })
  @IsOptional()
  @PublicChannelsOnly()
  @Transform(languageTag)
  language?: string;
}
