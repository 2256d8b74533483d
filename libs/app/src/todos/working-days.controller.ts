import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { Roles } from '@bihuan/auth';
import { Clock, CLOCK } from '@bihuan/core';
import { CALENDAR, CalendarService, IsInstant } from '@bihuan/platform';
import { workingDaysLeft } from './todo-list';

/** `GET /me/working-days?due=…,…`: the due dates a page shows (instants with an offset, comma-separated). */
export class WorkingDaysQueryDto {
  @ApiProperty({
    type: String,
    description: 'Up to 100 due instants (ISO-8601 with an offset), comma-separated',
    example: '2025-03-24T15:59:59.999Z,2025-04-01T15:59:59.999Z',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInstant({ each: true })
  due!: string[];
}

export class WorkingDaysLeftDto {
  @ApiProperty() due!: string;
  @ApiProperty({ description: 'Working days from now to the due date; negative once past it' }) workingDaysLeft!: number;
}

export class WorkingDaysAnswerDto {
  @ApiProperty({ description: 'The instant counted from' }) now!: string;
  @ApiProperty({ type: () => [WorkingDaysLeftDto] }) items!: WorkingDaysLeftDto[];
}

/**
 * Working days left to due dates, counted as the to-do list counts them (calendar in force, the
 * server's clock): the console shows them beside every due date (ledger rows, a finding's or a
 * ticket's deadline) without a calendar of its own. Says nothing about any case.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('me')
export class WorkingDaysController {
  constructor(
    @Inject(CALENDAR) private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('working-days')
  @Roles('hospital', 'inspector', 'leader', 'admin')
  @ApiOperation({ summary: 'Working days left to each given due date (negative once past), as the to-do list counts them' })
  @ApiOkResponse({ type: WorkingDaysAnswerDto })
  async left(@Query() q: WorkingDaysQueryDto): Promise<WorkingDaysAnswerDto> {
    const now = this.clock.now().toISOString();
    const calendar = await this.calendars.current();
    return { now, items: q.due.map((due) => ({ due, workingDaysLeft: workingDaysLeft(new Date(due).toISOString(), now, calendar) })) };
  }
}
