import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ITEM_FORMATS, type ItemFormat } from './item-format';

/** Article ids are the CMS's: letters, digits and a few URL-safe marks. */
const ARTICLE_ID = /^[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}$/;

export class ItemParams {
  @Matches(ARTICLE_ID, { message: 'id must be an article id' })
  id!: string;
}

export class VersionParams extends ItemParams {
  @Type(() => Number)
  @IsInt({ message: 'n must be a version number' })
  @Min(1)
  @Max(2_147_483_647)
  n!: number;
}

export class ItemQuery {
  /** newsml (a NewsML-G2 newsItem, the default), ninjs, atom or json. */
  @IsOptional()
  @IsIn(ITEM_FORMATS, { message: `format must be one of ${ITEM_FORMATS.join(', ')}` })
  format?: ItemFormat;
}
