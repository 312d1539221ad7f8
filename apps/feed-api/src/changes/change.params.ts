import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ChangesQuery {
  /** Where the previous answer stopped; absent: from the first change. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  cursor?: string;

  /** Seconds to wait for a change when there is none yet (long poll): 0 to 30. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wait must be a whole number of seconds' })
  @Min(0)
  @Max(30)
  wait?: number;

  /** At most this many changes per answer: 1 to 500, 100 when absent. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(500)
  limit?: number;
}
