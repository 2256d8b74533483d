import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DrawAnswer,
  DrawCommitmentView,
  DrawDocument,
  DrawInputsView,
  DrawInspectorView,
  PUBLIC_DRAW_STATUSES,
  PublicDrawDocument,
  PublicDrawInputsView,
  PublicDrawStatus,
} from '../application/draw-document';
import { DrawInstitution, DrawnInstitution, DrawnVisit } from '../domain/draw/draw-inspections';
import { RandomDrawStatus } from '../domain/draw/random-draw.decider';
import { DrawnVisitOutcome, DrawnVisitState } from '../domain/draw/random-draw.messages';
import { CREDIT_DRAW_STATUS_LABELS } from '../domain/credit-labels';
import { CREDIT_LEVELS, CreditLevel } from '../domain/credit-values';
import { DrawListRow } from '../read-models/credit.queries';

const DRAW_STATUSES = Object.keys(CREDIT_DRAW_STATUS_LABELS);

export class CreditDrawInstitutionDto implements DrawInstitution {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) creditLevel!: CreditLevel;
}

export class CreditDrawInspectorDto implements DrawInspectorView {
  @ApiProperty() id!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({
    type: [String],
    nullable: true,
    description: 'Institutions this inspector must not inspect (回避); null: withheld (only leaders, admins and the inspector see them)',
  })
  conflicts!: string[] | null;
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

/** Every input of a draw but its seed, as staff read them. */
export class CreditDrawInputsDto implements DrawInputsView {
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

/** What a draw committed to before anything was drawn (SM3 digests, 64 hex digits). */
export class CreditDrawCommitmentDto implements DrawCommitmentView {
  @ApiProperty({ description: 'SM3(seed)' }) seedDigest!: string;
  @ApiProperty({ description: 'SM3(seed ‖ 0x1f ‖ canonical public inputs)' }) inputsDigest!: string;
  @ApiProperty({ format: 'date-time' }) committedAt!: string;
}

export class CreditDrawnVisitStateDto implements DrawnVisitState {
  @ApiProperty() institutionId!: string;
  @ApiProperty() visitId!: string;
  @ApiProperty({ enum: ['pending', 'conducted', 'cancelled'] }) outcome!: DrawnVisitOutcome;
}

/** A draw as staff over its jurisdiction read it: no seed before the reveal, no other inspector's conflicts for an inspector. */
export class CreditDrawDocumentDto implements DrawDocument {
  @ApiProperty() drawId!: string;
  @ApiProperty({ enum: DRAW_STATUSES }) status!: RandomDrawStatus;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty() algorithm!: string;
  @ApiProperty({ type: () => CreditDrawCommitmentDto, nullable: true, description: 'Null for a draw made before commitments' })
  commitment!: CreditDrawCommitmentDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null until revealed' }) seed!: string | null;
  @ApiProperty({ type: () => CreditDrawInputsDto }) inputs!: CreditDrawInputsDto;
  @ApiProperty({ type: [CreditDrawnVisitDto], nullable: true, description: 'Null until drawn' }) visits!: CreditDrawnVisitDto[] | null;
  @ApiProperty({ type: [CreditDrawnVisitStateDto], nullable: true, description: 'How each drawn visit ended, from the reveal' })
  visitOutcomes!: CreditDrawnVisitStateDto[] | null;
  @ApiProperty() plannedDate!: string;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: String }) drawnAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) revealedAt!: string | null;
  @ApiProperty() policyVersion!: string;
}

/** What POST /draws and its reveal answer: the draw, and the log position of its last event. */
export class CreditDrawAnswerDto extends CreditDrawDocumentDto implements DrawAnswer {
  @ApiProperty({ nullable: true, type: Number, description: 'Log position of the draw’s last event' }) position!: number | null;
  @ApiProperty({
    type: [CreditDrawnVisitStateDto],
    nullable: true,
    description: 'Each drawn visit’s id and how it stands now (pending, conducted, cancelled); null until drawn',
  })
  drawnVisits!: CreditDrawnVisitStateDto[] | null;
}

export class CreditDrawSummaryDto implements DrawListRow {
  @ApiProperty() drawId!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty({ enum: DRAW_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Visits drawn, once drawn' }) visits!: number | null;
}

export class CreditDrawListDto {
  @ApiProperty({ type: [CreditDrawSummaryDto] }) draws!: CreditDrawSummaryDto[];
}

/** The inputs the public sees once a draw is revealed: all its institutions were drawn from, no inspectors. */
export class CreditPublicDrawInputsDto implements PublicDrawInputsView {
  @ApiProperty({ type: [CreditDrawInstitutionDto] }) institutions!: CreditDrawInstitutionDto[];
  @ApiProperty() count!: number;
  @ApiProperty() inspectorsPerVisit!: number;
  @ApiProperty({ type: () => CreditDrawWeightsDto }) weights!: CreditDrawWeightsDto;
}

export class CreditPublicDrawnInstitutionDto implements DrawnInstitution {
  @ApiProperty() institutionId!: string;
  @ApiProperty({ enum: CREDIT_LEVELS }) creditLevel!: CreditLevel;
  @ApiProperty({ description: 'Order in which it was drawn (1-based)' }) rank!: number;
}

/** A draw as the public reads it (一公开): the commitment at once; seed, inputs and institutions once its visits are done. */
export class CreditPublicDrawDto implements PublicDrawDocument {
  @ApiProperty() drawId!: string;
  @ApiProperty() jurisdiction!: string;
  @ApiProperty({ enum: PUBLIC_DRAW_STATUSES }) status!: PublicDrawStatus;
  @ApiProperty({ type: () => CreditDrawCommitmentDto, nullable: true, description: 'Null for a draw published before commitments' })
  commitment!: CreditDrawCommitmentDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null until revealed' }) seed!: string | null;
  @ApiProperty({ nullable: true, type: String }) algorithm!: string | null;
  @ApiProperty({ type: () => CreditPublicDrawInputsDto, nullable: true }) inputs!: CreditPublicDrawInputsDto | null;
  @ApiProperty({ type: [CreditPublicDrawnInstitutionDto], nullable: true, description: 'The institutions drawn, in order' })
  visits!: CreditPublicDrawnInstitutionDto[] | null;
  @ApiProperty({ nullable: true, type: String }) plannedDate!: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revealedAt!: string | null;
}
