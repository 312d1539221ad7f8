import {
  IsArray,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsRFC3339,
  IsString,
  MaxLength,
} from 'class-validator';

export class ArticleRightsDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  copyrightHolder!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  copyrightNotice!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  usageTerms?: string;

  /** ISO 3166-1 alpha-2; absent or empty means everywhere not denied. */
  @IsOptional()
  @IsArray()
  @IsISO31661Alpha2({ each: true })
  allowedTerritories?: string[];

  @IsOptional()
  @IsArray()
  @IsISO31661Alpha2({ each: true })
  deniedTerritories?: string[];

  /** After this time the story may no longer be used. */
  @IsOptional()
  @IsRFC3339()
  expiresAt?: string;
}
