import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles, SystemWide } from '@bihuan/auth';
import { CALENDAR, CalendarService } from '@bihuan/platform';
import { CalendarOutlookService, ProvisionalDeadline } from '../health/calendar-outlook.module';
import { CalendarImportedDto, CalendarStatusDto, CalendarYearDto, LimitQueryDto } from './admin.dto';
import { ProvisionalDeadlinesDto } from './admin.response';

/** The working-day calendar: which years it knows, run-time imports of the next year, deadlines counted on a provisional year. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@SystemWide()
@Controller('admin/calendar')
export class AdminCalendarController {
  constructor(
    @Inject(CALENDAR) private readonly calendar: CalendarService,
    private readonly outlook: CalendarOutlookService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Calendar in force: version, years covered, years imported' })
  @ApiOkResponse({ type: CalendarStatusDto })
  async status(): Promise<CalendarStatusDto> {
    const current = await this.calendar.current();
    return {
      version: current.version,
      years: current.data.years(),
      importedYears: current.data.importedYears(),
      outlook: await this.outlook.outlook(),
    };
  }

  @Get('provisional-deadlines')
  @ApiOperation({
    summary:
      'Pending and paused deadlines computed on a provisional year (its notice not yet imported), soonest due first: the count and the first N (?limit, default 20); importing the year recomputes them',
  })
  @ApiOkResponse({ type: ProvisionalDeadlinesDto })
  provisionalDeadlines(@Query() query: LimitQueryDto): Promise<{ count: number; first: ProvisionalDeadline[] }> {
    return this.outlook.provisionalDeadlines(query.limit ?? 20);
  }

  /** The body is the import file itself; it is validated by the calendar (400 naming the field). */
  @Post('years')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Import a year (the State Council notice as JSON, docs/calendar.md); deadlines computed afterwards record the new version',
  })
  @ApiBody({ type: CalendarYearDto })
  @ApiCreatedResponse({ type: CalendarImportedDto })
  importYear(@Body() body: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<CalendarImportedDto> {
    return this.calendar.importYear(body, actor);
  }
}
