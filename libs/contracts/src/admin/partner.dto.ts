import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SLUG } from './admin-transforms';
import { EntitlementDto } from './entitlement.dto';
import { PARTNER_STATUSES, type PartnerStatus } from './partner-data';

export class CreatePartnerDto {
  /** Optional readable id (`le-soir`); a random UUID otherwise. */
  @Matches(SLUG, { message: 'id must be lower-case letters, digits and dashes (at most 64)' })
  @IsOptional()
  id?: string;

  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: '$property is required' })
  name!: string;

  // ValidateNested alone takes an array of valid objects as well.
  @IsObject()
  @ValidateNested()
  @IsDefined({ message: '$property is required' })
  @Type(() => EntitlementDto)
  entitlement!: EntitlementDto;
}

/** Decorators run bottom-up: see EntitlementDto. What changes; an entitlement given replaces the whole entitlement. */
export class UpdatePartnerDto {
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  @IsOptional()
  name?: string;

  // ValidateNested alone takes an array of valid objects as well.
  @IsObject()
  @ValidateNested()
  @IsOptional()
  @Type(() => EntitlementDto)
  entitlement?: EntitlementDto;
}

export class SetPartnerStatusDto {
  @IsIn(PARTNER_STATUSES)
  @IsDefined({ message: '$property is required' })
  status!: PartnerStatus;
}
