import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ArticleAuthorDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  /** e.g. `writer`, `editor`, `photographer`, `correspondent`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  role!: string;
}
