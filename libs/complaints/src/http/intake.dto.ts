import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, ComplaintCategory, ComplaintChannel } from '../domain/complaint-vocabulary';

/** Longest free text accepted on the public form (the global body limit is 256 kB). */
export const PUBLIC_TEXT_MAX = 3000;
/** Longest description staff may record (the domain's limit). */
export const TEXT_MAX = 5000;
export const REASON_MAX = 2000;
export const ID_MAX = 200;

/** Name and contacts: the only fields encrypted (SM4, per person). Put nothing identifying in free text. */
export class IdentityDto {
  @ApiPropertyOptional({ maxLength: 100, example: '张三' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 30, example: '13812345678' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^[0-9+\-() ]*$/, { message: 'identity.phone may contain digits, +, -, (, ) and spaces only' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(/^[0-9A-Za-z]*$/, { message: 'identity.idNumber may contain letters and digits only' })
  idNumber?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

class IntakeFields {
  @ApiProperty({ enum: COMPLAINT_CATEGORIES })
  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @ApiPropertyOptional({
    description: 'The institution complained about (a known institution id); a hospital receives about its own only, the default',
    maxLength: ID_MAX,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  institutionId?: string;

  @ApiPropertyOptional({ maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Staff member complained about (staff id), if known', maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  staffId?: string;

  @ApiPropertyOptional({ type: IdentityDto, description: 'Omit to complain anonymously. Encrypted; never shown to the institution.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityDto)
  identity?: IdentityDto;

  @ApiPropertyOptional({
    description:
      'The complainant agrees to an SMS at `identity.phone` when the ticket’s status changes (the ticket code only, no content). Default false; without a phone nothing is sent.',
  })
  @IsOptional()
  @IsBoolean()
  notifyBySms?: boolean;
}

/** 受理 by commission staff. */
export class ReceiveComplaintDto extends IntakeFields {
  @ApiProperty({
    enum: COMPLAINT_CHANNELS,
    description: 'A hospital’s complaint office receives at window, hotline or letter only (400 COMPLAINT.HOSPITAL_CHANNEL otherwise)',
  })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ maxLength: TEXT_MAX, description: 'What happened. Must not contain the complainant’s name or contacts.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  description!: string;

  @ApiPropertyOptional({ description: '12345 / agency ticket number for transfers', maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  externalReference?: string;
}

/** The public web form (no token). */
export class PublicComplaintDto extends IntakeFields {
  @ApiProperty({ maxLength: PUBLIC_TEXT_MAX, description: 'What happened. Put your name and phone in `identity`, not here.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PUBLIC_TEXT_MAX)
  description!: string;

  @ApiPropertyOptional({ description: 'The health commission addressed (default: the institution’s, else the top one)', maxLength: ID_MAX })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  unitId?: string;
}
