import { ApiProperty } from '@nestjs/swagger';
import { nullableEnum } from '@bihuan/platform';
import { FinalisedResults } from '../application/ethics-results.handler';
import { ETHICS_GRADES, EthicsGrade, VETO_ITEMS } from '../domain/ethics-values';
import { ETHICS_EVALUATION_STATUS_LABELS } from '../domain/evaluation/ethics-evaluation.labels';
import { CappedResult } from '../domain/evaluation/ethics-grading';
import { EthicsEvaluationRow } from '../read-models/ethics.queries';

const nullableNumber = { nullable: true, type: Number } as const;
const nullableFlag = { nullable: true, type: Boolean } as const;

/** One year's 医德考评 of one staff member, as it stands. */
export class EthicsEvaluationDto implements EthicsEvaluationRow {
  @ApiProperty() evaluationId!: string;
  @ApiProperty() institutionId!: string;
  @ApiProperty() year!: number;
  @ApiProperty() staffId!: string;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ enum: Object.keys(ETHICS_EVALUATION_STATUS_LABELS) }) status!: string;
  @ApiProperty(nullableNumber) selfScore!: number | null;
  @ApiProperty(nullableNumber) departmentScore!: number | null;
  @ApiProperty(nullableNumber) assessedScore!: number | null;
  @ApiProperty(nullableNumber) deductions!: number | null;
  @ApiProperty(nullableNumber) additions!: number | null;
  @ApiProperty(nullableNumber) finalScore!: number | null;
  @ApiProperty({ enum: VETO_ITEMS, isArray: true }) vetoItems!: string[];
  @ApiProperty(nullableEnum(ETHICS_GRADES)) provisionalGrade!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why the grade is what it is, e.g. `score>=90,deductions<=0`' })
  reason!: string | null;
  @ApiProperty(nullableEnum(ETHICS_GRADES)) grade!: string | null;
  @ApiProperty(nullableFlag) downgradedByCap!: boolean | null;
  @ApiProperty(nullableFlag) passesPeriodicAssessment!: boolean | null;
}

/** GET /ethics/results/{institutionId}/{year}. */
export class EthicsResultsDto {
  @ApiProperty() institutionId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [EthicsEvaluationDto] }) evaluations!: EthicsEvaluationDto[];
}

/** One staff member's final grade after the 优秀 cap. */
export class EthicsCappedResultDto implements CappedResult {
  @ApiProperty() staffId!: string;
  @ApiProperty() finalScore!: number;
  @ApiProperty({ enum: ETHICS_GRADES }) provisionalGrade!: EthicsGrade;
  @ApiProperty({ enum: ETHICS_GRADES }) grade!: EthicsGrade;
  @ApiProperty() downgradedByCap!: boolean;
}

/** What finalising an institution's year answers. */
export class EthicsFinalisedResultsDto implements FinalisedResults {
  @ApiProperty() institutionId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ description: 'Share of the evaluated staff that may keep 优秀' }) capRatio!: number;
  @ApiProperty({ type: [EthicsCappedResultDto] }) results!: EthicsCappedResultDto[];
}
