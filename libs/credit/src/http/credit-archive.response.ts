import { ApiProperty } from '@nestjs/swagger';
import { EvidenceFile } from '@bihuan/core';
import { CreditView, CreditViewItem, PublicCreditPage, VisibleListEntry } from '../domain/archive/credit-views';
import { CREDIT_INFO_CLASSES, CREDIT_LEVELS, CREDIT_LISTS, CreditInfoClass, CreditLevel, CreditList } from '../domain/credit-values';
import { VisibleCreditLevel } from '../read-models/credit.queries';

/** One line of credit information as the reader’s role may see it. */
export class CreditViewItemDto implements CreditViewItem {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CREDIT_INFO_CLASSES }) infoClass!: CreditInfoClass;
  @ApiProperty({ description: '`archive`, `commitment`, `red-list`, `black-list`, `points`, `measure`, or the information record’s kind' })
  kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null for the archive’s own entry' }) occurredAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When a list entry comes off its list, or a supplier agreement’s term ends' })
  until!: string | null;
}

/** Credit level A/B/C/D as of `asOf`; a black-list reason is named to partners only. */
export class CreditLevelDto implements VisibleCreditLevel {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) level!: CreditLevel;
  @ApiProperty({ description: 'The rule that decided it' }) reason!: string;
  @ApiProperty({ description: 'Points of the current 校验期' }) cyclePoints!: number;
  @ApiProperty({ description: 'Adverse items within the level rule’s window' }) adverseInWindow!: number;
}

/** An active 红/黑名单 entry; black-list entries are answered to partners only. */
export class CreditListEntryDto implements VisibleListEntry {
  @ApiProperty() institutionId!: string;
  @ApiProperty() entryId!: string;
  @ApiProperty({ enum: CREDIT_LISTS }) list!: CreditList;
  @ApiProperty({ description: '列入事由' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) listedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When the entry comes off its list (by a deadline timer)' }) expiresAt!: string;
}

export class CreditLevelListDto {
  @ApiProperty({ type: [CreditLevelDto] }) levels!: CreditLevelDto[];
  @ApiProperty({
    type: [CreditListEntryDto],
    description:
      'Active list entries of the same institutions, oldest first: the red list for every reader, the black list for partners only',
  })
  listEntries!: CreditListEntryDto[];
}

/** A file attached to the archive (a signed agreement), cited by commitments through its SM3 digest; downloaded through the case's audit files. */
export class CreditFileDto implements EvidenceFile {
  @ApiProperty({ description: 'SM3 of the file, 64 hex digits' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
}

/** GET /credit/archives/{institutionId}: the archive as the caller’s role may see it, with its level and files. */
export class CreditArchiveViewDto implements CreditView {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: ['public', 'hospital', 'partner'], description: 'Whose view: `partner` includes the black list' })
  audience!: CreditView['audience'];
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [CreditViewItemDto] }) items!: CreditViewItemDto[];
  @ApiProperty({ type: () => CreditLevelDto }) level!: CreditLevelDto;
  @ApiProperty({ type: [CreditFileDto], description: 'Files attached to the archive (POST …/evidence), for commitments to cite' })
  files!: CreditFileDto[];
}

export class PublicCreditInstitutionDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

/** The public credit page: basic information, adverse within 5 years, the red list — never the black list. */
export class PublicCreditPageDto implements PublicCreditPage {
  @ApiProperty({ type: () => PublicCreditInstitutionDto }) institution!: PublicCreditInstitutionDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [CreditViewItemDto] }) basic!: CreditViewItemDto[];
  @ApiProperty({ type: [CreditViewItemDto], description: 'Adverse information that occurred within the last 5 years' })
  adverse!: CreditViewItemDto[];
  @ApiProperty({ type: [CreditViewItemDto] }) redList!: CreditViewItemDto[];
}
