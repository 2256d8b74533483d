import { Controller, Get, Header, Inject, Module, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { ComplaintsModule } from '@bihuan/complaints';
import { Actor } from '@bihuan/core';
import { CreditModule } from '@bihuan/credit';
import { ApiFileResponse, attachmentDisposition, CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from '@bihuan/platform';
import { StatisticsExportQueryDto } from './statistics-export.dto';
import { StatisticsExportService } from './statistics-export.service';

/**
 * The leaders' statistics as 通报 tables (docs/api/statistics.md). The figures themselves are the
 * contexts' own reads (GET /ledgers/counts, /complaints/statistics, /credit/archives), which the
 * console's dashboard charts; this route puts them in one workbook, since no one context owns it.
 */
@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(@Inject(StatisticsExportService) private readonly exports: StatisticsExportService) {}

  @Get('export')
  @Header('Cache-Control', 'no-store')
  @Roles('leader', 'inspector', 'admin')
  @ApiOperation({
    summary:
      "The dashboard's figures in the caller's jurisdiction as 通报 tables: XLSX with every table a sheet (or ?table= one), CSV one table; Chinese headings, Beijing dates",
  })
  @ApiFileResponse([XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE], 'The tables (?format=xlsx, the default, or csv with ?table=)')
  async export(@CurrentActor() actor: Actor, @Query() q: StatisticsExportQueryDto): Promise<StreamableFile> {
    const { format = 'xlsx', table, ...filter } = q;
    const file = await this.exports.export(actor, filter, format, table);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: attachmentDisposition(file.utf8Name, file.asciiName),
      length: file.body.length,
    });
  }
}

@Module({
  imports: [ComplaintsModule, CreditModule],
  controllers: [StatisticsController],
  providers: [StatisticsExportService],
})
export class StatisticsModule {}
