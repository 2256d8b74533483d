import { Body, Controller, Get, HttpCode, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import {
  ApiFileResponse,
  attachmentDisposition,
  CommandReceipt,
  CommandReceiptDto,
  CSV_MEDIA_TYPE,
  FileUpload,
  sniffFileKind,
  UploadedFileData,
  XLSX_MEDIA_TYPE,
} from '@bihuan/platform';
import { DirectoryRequest } from '../application/directory.handler';
import { DirectoryQueries } from '../application/directory.queries';
import { importRejected } from '../domain/directory-import.decision';
import {
  DEFAULT_DIRECTORY_IMPORT_LIMITS,
  directoryTemplate,
  parseDirectoryFile,
  writeDirectoryCsv,
  writeDirectoryWorkbook,
} from '../import';
import { ExportQueryDto, ImportDirectoryDto } from './directory-user.dto';
import { DirectoryImportRejectedDto } from './directory.response';

/** Excel reads a CSV's Chinese right only when told its charset. */
const CSV = `${CSV_MEDIA_TYPE}; charset=utf-8`;

/** Directory files (docs/directory-import.md): import all-or-nothing, export of the caller’s subtree, the blank template. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles('admin')
@Controller('directory')
export class DirectoryFilesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: DirectoryQueries,
  ) {}

  @Post('import')
  @HttpCode(200)
  @FileUpload({
    maxBytes: DEFAULT_DIRECTORY_IMPORT_LIMITS.maxBytes,
    kinds: ['xlsx', 'csv'],
    kindLabel: 'an XLSX workbook or a CSV file',
    fields: {
      sheet: { type: 'string', enum: ['units', 'departments', 'users'], description: 'The list a CSV (or a one-sheet workbook) holds' },
    },
  })
  @ApiOperation({
    summary: 'Import units, departments and users from XLSX/CSV: every row applied, or 422 with every rejected row and nothing written',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiUnprocessableEntityResponse({ type: DirectoryImportRejectedDto, description: 'Rows rejected: every one reported, nothing written' })
  async import(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedFileData,
    @Body() body: ImportDirectoryDto,
  ): Promise<CommandReceipt> {
    // FileUploadGuard admitted only an XLSX or a CSV by content; the parser reads what the bytes are.
    const format = sniffFileKind(file.buffer) === 'xlsx' ? 'xlsx' : 'csv';
    const parsed = await parseDirectoryFile(file.buffer, format, body.sheet);
    if (parsed.rejected.length > 0) throw importRejected(parsed.rejected);
    return this.commands.execute(new DirectoryRequest(actor, { kind: 'ImportDirectory', data: { import: parsed.import } }));
  }

  @Get('export')
  @ApiFileResponse([XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE], 'XLSX with three sheets, or with ?format=csv one list')
  @ApiOperation({ summary: 'The caller’s subtree as the import reads it (XLSX: three sheets; CSV: one list, `sheet`)' })
  async export(@CurrentActor() actor: Actor, @Query() query: ExportQueryDto): Promise<StreamableFile> {
    const snapshot = this.queries.snapshot(actor);
    if (query.format === 'csv') {
      const sheet = query.sheet ?? 'units';
      return new StreamableFile(writeDirectoryCsv(snapshot, sheet), {
        type: CSV,
        disposition: attachmentDisposition(`directory-${sheet}.csv`),
      });
    }
    return new StreamableFile(await writeDirectoryWorkbook(snapshot), {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition('directory.xlsx'),
    });
  }

  @Get('import-template')
  @ApiFileResponse([XLSX_MEDIA_TYPE], 'The blank import workbook')
  @ApiOperation({ summary: 'The blank import workbook with its instructions sheet' })
  async template(): Promise<StreamableFile> {
    return new StreamableFile(await directoryTemplate(), {
      type: XLSX_MEDIA_TYPE,
      disposition: attachmentDisposition('directory-template.xlsx'),
    });
  }
}
