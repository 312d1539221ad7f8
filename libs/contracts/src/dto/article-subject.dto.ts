import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ArticleSubjectDto {
  /** IPTC Media Topic code: `medtop:` and eight digits. */
  @Matches(/^medtop:\d{8}$/, {
    message: 'code must be an IPTC Media Topic qcode like medtop:11000000',
  })
  code!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}
