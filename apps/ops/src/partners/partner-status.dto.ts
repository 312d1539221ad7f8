import { IsIn, IsString, Matches } from 'class-validator';

export class PartnerStatusDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  partnerId!: string;

  @IsIn(['active', 'suspended'])
  status!: 'active' | 'suspended';
}

export class PartnerRedeliveryDto {
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/)
  partnerId!: string;
}
