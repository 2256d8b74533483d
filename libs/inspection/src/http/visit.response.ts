import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_STEPS, VISIT_KINDS, VISIT_STATUSES, VisitKind } from '../domain';
import { AttachedFileView, LedgerSummary, VisitView } from '../read-models';

/** A visit (检查) as its read model lists it. */
export class InspectionVisitDto implements VisitView {
  @ApiProperty() visitId!: string;
  @ApiProperty({ enum: VISIT_KINDS }) kind!: VisitKind;
  @ApiProperty() institutionId!: string;
  @ApiProperty({ type: String, nullable: true }) campaignId!: string | null;
  @ApiProperty({ type: [String] }) inspectorIds!: string[];
  @ApiProperty({ example: '2026-03-05', description: 'YYYY-MM-DD' }) plannedDate!: string;
  @ApiProperty() plannedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: 'YYYY-MM-DD once recorded' }) conductedOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ enum: VISIT_STATUSES }) status!: string;
  @ApiProperty({ type: [String] }) findingIds!: string[];
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ type: String, nullable: true }) cancelledReason!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** A file attached to a visit or a finding, with when and by whom. */
export class InspectionAttachedFileDto implements AttachedFileView {
  @ApiProperty({ description: 'SM3 of the bytes (64 lowercase hex digits)' }) digest!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Bytes' }) size!: number;
  @ApiProperty({ example: 'image/jpeg' }) mediaType!: string;
  @ApiProperty({ enum: EVIDENCE_STEPS }) step!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() attachedAt!: string;
  @ApiProperty({ description: 'User id' }) attachedBy!: string;
}

/** A ledger's totals (withdrawn rows are listed but not counted). */
export class InspectionLedgerSummaryDto implements LedgerSummary {
  @ApiProperty() total!: number;
  @ApiProperty() signedOff!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() withdrawn!: number;
  @ApiProperty({ description: 'Every counted row signed off (or the visit closed)' }) closed!: boolean;
}

/** GET /visits/{visitId}: the visit, its ledger summary and its files. */
export class InspectionVisitDetailDto extends InspectionVisitDto {
  @ApiProperty({ type: () => InspectionLedgerSummaryDto }) ledger!: InspectionLedgerSummaryDto;
  @ApiProperty({ type: () => [InspectionAttachedFileDto] }) files!: InspectionAttachedFileDto[];
}
