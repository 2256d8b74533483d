import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Jurisdiction, Public } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { HonourRollEntry, StaffListQueries } from '../read-models/staff-lists.queries';

export class EthicsHonourRollInstitutionDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class EthicsHonourRollEntryDto implements HonourRollEntry {
  @ApiProperty() entryId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'As the staff member’s ethics archive names them' }) name!: string | null;
  @ApiProperty({ nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ description: '列入事由' }) reason!: string;
  @ApiProperty({ format: 'date-time' }) listedAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/** An institution's public 荣誉榜: the red list of its staff (never the black list). */
export class EthicsHonourRollDto {
  @ApiProperty({ type: () => EthicsHonourRollInstitutionDto }) institution!: EthicsHonourRollInstitutionDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ type: [EthicsHonourRollEntryDto] }) entries!: EthicsHonourRollEntryDto[];
}

/**
 * 荣誉榜 (seed 000: 建立诚信档案和荣誉榜; seed 002: 红名单公示): who of an institution's staff is on
 * the red list now, for anyone — the red list is public basic information, the black list never.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicHonourRollController {
  constructor(
    private readonly lists: StaffListQueries,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('institutions/:institutionId/honour-roll')
  @ApiOperation({ summary: '荣誉榜: the institution’s staff on the red list now (never the black list)' })
  @ApiOkResponse({ type: EthicsHonourRollDto })
  async honourRoll(@Param('institutionId') institutionId: string): Promise<EthicsHonourRollDto> {
    const unit = this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    const asOf = this.clock.now().toISOString();
    return { institution: { id: unit.id, name: unit.name }, asOf, entries: await this.lists.honourRoll(institutionId, asOf) };
  }
}
