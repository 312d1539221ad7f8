import {
  IsInt,
  IsMimeType,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class ArticleImageDto {
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  caption?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  credit?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  width?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  height?: number;

  /** e.g. `image/jpeg`. */
  @IsMimeType()
  @IsNotEmpty()
  mediaType!: string;
}
