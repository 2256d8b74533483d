import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Jurisdiction, Public } from '@bihuan/auth';

/** An institution as the public may name it: on the complaint form and the credit pages. */
export class PublicInstitutionDto {
  @ApiProperty({ example: 'hosp-a1-1' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    description: 'The health commission it answers to (its parent unit), to tell same-named hospitals apart',
    example: '甲市东城区卫生健康局',
  })
  supervisingUnit!: string;
}

export class PublicInstitutionListDto {
  @ApiProperty({ type: [PublicInstitutionDto] }) items!: PublicInstitutionDto[];
}

/**
 * The institutions of the whole jurisdiction, by name: the public portal needs them before anyone
 * signs in (which hospital a complaint is about, whose credit page to open). Names and areas are
 * public facts; nothing about any case is in this answer.
 */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicInstitutionsController {
  constructor(@Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction) {}

  @Get('institutions')
  @ApiOperation({ summary: 'Institutions the public can name (complaint form, credit pages), sorted by supervising unit, then name' })
  @ApiOkResponse({ type: PublicInstitutionListDto })
  list(): PublicInstitutionListDto {
    const items = this.jurisdiction
      .all()
      .filter((unit) => unit.kind === 'institution')
      .map((unit) => ({ id: unit.id, name: unit.name, supervisingUnit: this.nameOf(unit.parentId) }));
    const collator = new Intl.Collator('zh-CN');
    return { items: items.sort((a, b) => collator.compare(a.supervisingUnit, b.supervisingUnit) || collator.compare(a.name, b.name)) };
  }

  private nameOf(unitId: string | null): string {
    return (unitId === null ? undefined : this.jurisdiction.get(unitId))?.name ?? '';
  }
}
