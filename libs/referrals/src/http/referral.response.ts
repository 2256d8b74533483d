import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandReceiptDto } from '@bihuan/platform';
import { REFERRAL_EVIDENCE_STEPS, REFERRAL_OUTCOMES, REFERRAL_SOURCE_CATEGORIES, REFERRAL_STATUSES } from '../domain/referral-values';
import { ReferralFileView, ReferralOutcomeView, ReferralView } from '../read-models/referral-views';

export class ReferralOutcomeDto implements ReferralOutcomeView {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) outcome!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Digests of the agency’s documents (files of this referral)' }) evidence!: string[];
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

/** A referral (移交) as the agency it went to and the commission over the case see it. */
export class ReferralDto implements ReferralView {
  @ApiProperty() referralId!: string;
  @ApiProperty({ example: 'finding-0190f3a2' }) sourceStream!: string;
  @ApiProperty({ enum: REFERRAL_SOURCE_CATEGORIES }) sourceCategory!: string;
  @ApiProperty({ type: String, nullable: true }) institutionId!: string | null;
  @ApiProperty({ description: 'The referring commission' }) fromUnit!: string;
  @ApiProperty({ description: 'The partner agency it went to' }) toUnit!: string;
  @ApiProperty({ description: '协同部门类别 of the agency (catalogue agencyTypes)' }) agencyType!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: REFERRAL_STATUSES }) status!: string;
  @ApiProperty({ description: 'SM3 of the case file sent with it (one of `files`)' }) dossierDigest!: string;
  @ApiProperty() referredBy!: string;
  @ApiProperty() referredAt!: string;
  @ApiProperty({ type: String, nullable: true, description: '签收时限' }) acknowledgeDueAt!: string | null;
  @ApiProperty({ description: 'The acknowledgement deadline passed before it was acknowledged' }) acknowledgeOverdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: () => ReferralOutcomeDto, nullable: true }) outcome!: ReferralOutcomeDto | null;
  @ApiProperty({ type: String, nullable: true }) closedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closeNote!: string | null;
}

export class ReferralFileDto implements ReferralFileView {
  @ApiProperty({ description: 'SM3 of the bytes: download it at …/files/{digest} and check it' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'text/html' }) mediaType!: string;
  @ApiProperty({ enum: REFERRAL_EVIDENCE_STEPS }) step!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() attachedBy!: string;
  @ApiProperty() attachedAt!: string;
}

export class ReferralDetailDto extends ReferralDto {
  @ApiProperty({ type: [ReferralFileDto], description: 'The case file sent, then the agency’s documents' }) files!: ReferralFileDto[];
}

/** A file as the referral's event recorded it. */
export class ReferralEvidenceFileDto {
  @ApiProperty({ description: 'SM3 of the bytes (64 lowercase hex digits)' }) digest!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() name!: string;
}

/** What a referral and an upload answer: the receipt and the file recorded (the case file; the document). */
export class ReferralReceiptDto extends CommandReceiptDto {
  @ApiPropertyOptional({ type: () => ReferralEvidenceFileDto }) file?: ReferralEvidenceFileDto;
}

/** A partner agency the referrer may pick (GET /referrals/agencies). */
export class ReferralAgencyDto {
  @ApiProperty({ example: 'agency-city-a-police' }) id!: string;
  @ApiProperty({ example: '甲市公安局' }) name!: string;
  @ApiProperty({ example: 'police', description: '协同部门类别 (catalogue agencyTypes)' }) agencyType!: string;
  @ApiProperty({ example: 'city-a', description: 'The commission it works beside: its jurisdiction is the agency’s' }) parentId!: string;
}

export class ReferralAgencyListDto {
  @ApiProperty({ type: [ReferralAgencyDto], description: 'The most local first' }) agencies!: ReferralAgencyDto[];
}
