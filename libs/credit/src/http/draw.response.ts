import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DrawDocument } from '../application/draw-document';
import { PublishedDraw } from '../application/random-draw.handler';
import { DrawInput, DrawInspector, DrawInstitution, DrawnVisit, DrawResult } from '../domain/draw/draw-inspections';
import { CREDIT_LEVELS, CreditLevel } from '../domain/credit-values';
import { DrawListRow } from '../read-models/credit.queries';

export class CreditDrawInstitutionDto implements DrawInstitution {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) creditLevel!: CreditLevel;
}

export class CreditDrawInspectorDto implements DrawInspector {
  @ApiProperty() id!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ type: [String], description: 'Institutions this inspector must not inspect (回避)' }) conflicts!: string[];
  @ApiPropertyOptional({ type: [String], description: 'Institutions the inspector’s unit covers (absent on older draws: all)' })
  covers?: string[];
}

/** The weight of each credit level in the draw. */
export class CreditDrawWeightsDto implements Record<CreditLevel, number> {
  @ApiProperty() A!: number;
  @ApiProperty() B!: number;
  @ApiProperty() C!: number;
  @ApiProperty() D!: number;
}

/** Every input of a draw, recorded so anyone can re-run it. */
export class CreditDrawInputDto implements DrawInput {
  @ApiProperty() seed!: string;
  @ApiProperty({ type: [CreditDrawInstitutionDto] }) institutions!: CreditDrawInstitutionDto[];
  @ApiProperty({ type: [CreditDrawInspectorDto] }) inspectors!: CreditDrawInspectorDto[];
  @ApiProperty() count!: number;
  @ApiProperty() inspectorsPerVisit!: number;
  @ApiProperty({ type: () => CreditDrawWeightsDto }) weights!: CreditDrawWeightsDto;
}

export class CreditDrawnVisitDto implements DrawnVisit {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) creditLevel!: CreditLevel;
  @ApiProperty({ description: 'Order in which it was drawn (1-based)' }) rank!: number;
  @ApiProperty({ type: [String] }) inspectorIds!: string[];
}

export class CreditDrawResultDto implements DrawResult {
  @ApiProperty() algorithm!: string;
  @ApiProperty({ type: [CreditDrawnVisitDto] }) visits!: CreditDrawnVisitDto[];
}

/** What POST /draws answers: the draw, its inputs and result, and the log position written. */
export class CreditPublishedDrawDto implements PublishedDraw {
  @ApiProperty() drawId!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty() seed!: string;
  @ApiProperty() algorithm!: string;
  @ApiProperty({ type: () => CreditDrawInputDto }) inputs!: CreditDrawInputDto;
  @ApiProperty({ type: () => CreditDrawResultDto }) result!: CreditDrawResultDto;
  @ApiProperty() plannedDate!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Log position of the last event written' }) position!: number | null;
}

/** A draw as published (一公开): seed, inputs and algorithm, to re-run drawInspections and compare with `visits`. */
export class CreditDrawDocumentDto implements DrawDocument {
  @ApiProperty() drawId!: string;
  @ApiProperty({ enum: ['requested', 'published', 'cancelled'] }) status!: DrawDocument['status'];
  @ApiProperty() jurisdiction!: string;
  @ApiProperty() seed!: string;
  @ApiProperty() algorithm!: string;
  @ApiProperty({ type: () => CreditDrawInputDto }) inputs!: CreditDrawInputDto;
  @ApiProperty({ type: [CreditDrawnVisitDto], nullable: true, description: 'Null until published' }) visits!: CreditDrawnVisitDto[] | null;
  @ApiProperty() plannedDate!: string;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty() policyVersion!: string;
}

export class CreditDrawSummaryDto implements DrawListRow {
  @ApiProperty() drawId!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty({ enum: ['requested', 'published', 'cancelled'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Visits drawn, once published' }) visits!: number | null;
}

export class CreditDrawListDto {
  @ApiProperty({ type: [CreditDrawSummaryDto] }) draws!: CreditDrawSummaryDto[];
}
