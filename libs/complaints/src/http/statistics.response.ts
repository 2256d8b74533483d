import { ApiProperty } from '@nestjs/swagger';
import { ComplaintStats, StepStats } from '../read-models/complaint-statistics.aggregate';
import { ComplaintStatistics, STATISTICS_GROUPS, StatisticsGroup } from '../read-models/complaint-statistics.query';

const rate = { nullable: true, type: Number, description: 'Between 0 and 1, four decimals; null when there is nothing to count' } as const;

export class ComplaintStepStatsDto implements StepStats {
  @ApiProperty({ description: 'Steps done, plus steps past due and not done' }) due!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty(rate) onTimeRate!: number | null;
}

export class ComplaintSatisfactionStatsDto {
  @ApiProperty() satisfied!: number;
  @ApiProperty() basicallySatisfied!: number;
  @ApiProperty() dissatisfied!: number;
  @ApiProperty() rated!: number;
  @ApiProperty(rate) satisfactionRate!: number | null;
}

export class ComplaintDecisionStatsDto {
  @ApiProperty() substantiated!: number;
  @ApiProperty() partlySubstantiated!: number;
  @ApiProperty() notSubstantiated!: number;
  @ApiProperty() decided!: number;
  @ApiProperty({ ...rate, description: 'Partly substantiated counts as substantiated' }) substantiatedRate!: number | null;
}

/** The numbers of one group of tickets (or of all of them). */
export class ComplaintStatsDto implements ComplaintStats {
  @ApiProperty({ description: 'Institution id, category, month (YYYY-MM, China time) or `all`' }) key!: string;
  @ApiProperty() received!: number;
  @ApiProperty({ description: 'Received by institutions’ own complaint offices (首诉负责), escalated or not' })
  receivedAtInstitutions!: number;
  @ApiProperty({ description: 'Of those, escalated to the commission (上报卫健委)' }) escalated!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() closed!: number;
  @ApiProperty() resolvedOnTheSpot!: number;
  @ApiProperty() declined!: number;
  @ApiProperty() supervised!: number;
  @ApiProperty() publiclyNoticed!: number;
  @ApiProperty() returned!: number;
  @ApiProperty() reopened!: number;
  @ApiProperty({ type: () => ComplaintStepStatsDto }) acknowledge!: ComplaintStepStatsDto;
  @ApiProperty({ type: () => ComplaintStepStatsDto }) answer!: ComplaintStepStatsDto;
  @ApiProperty({ type: () => ComplaintSatisfactionStatsDto }) satisfaction!: ComplaintSatisfactionStatsDto;
  @ApiProperty({ type: () => ComplaintDecisionStatsDto }) decisions!: ComplaintDecisionStatsDto;
}

export class ComplaintStatisticsPeriodDto {
  @ApiProperty({ nullable: true, type: String }) from!: string | null;
  @ApiProperty({ nullable: true, type: String }) to!: string | null;
}

/** GET /complaints/statistics as JSON. */
export class ComplaintStatisticsDto implements ComplaintStatistics {
  @ApiProperty({ enum: STATISTICS_GROUPS }) groupBy!: StatisticsGroup;
  @ApiProperty({ type: () => ComplaintStatisticsPeriodDto }) period!: ComplaintStatisticsPeriodDto;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: () => ComplaintStatsDto }) totals!: ComplaintStatsDto;
  @ApiProperty({ type: [ComplaintStatsDto] }) groups!: ComplaintStatsDto[];
}
