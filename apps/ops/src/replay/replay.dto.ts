import { PERMANENT_ERROR_CODES } from '@depeche/contracts';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Min,
} from 'class-validator';

/** Empty form fields mean "not set". */
const blankIsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/** One dead letter, by where it sits on the dead-letter topic. */
export class ReplayOneDto {
  @IsString()
  @IsNotEmpty()
  topic!: string;

  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(0)
  partition!: number;

  @Matches(/^\d{1,19}$/)
  offset!: string;
}

/** A filtered set; no field set means every dead letter not replayed yet. */
export class ReplayFilterDto {
  @Transform(blankIsUnset)
  @IsOptional()
  @IsIn(PERMANENT_ERROR_CODES)
  errorCode?: string;

  @Transform(blankIsUnset)
  @IsOptional()
  @IsISO8601()
  from?: string;

  @Transform(blankIsUnset)
  @IsOptional()
  @IsISO8601()
  to?: string;

  /** `all` replays those replayed before too. */
  @Transform(blankIsUnset)
  @IsOptional()
  @IsIn(['all', 'new'])
  which?: 'all' | 'new';
}
