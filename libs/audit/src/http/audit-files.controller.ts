import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { ApiFileResponse, attachmentDisposition, digestFileName, fileHeaders, HeaderSink } from '@bihuan/platform';
import { AuditFilesService } from '../application/audit-files.service';
import { CaseFileRow } from '../files/case-file-view';
import { CaseFileParamDto, CaseStreamParamDto, FileReadQueryDto } from './audit-files.dto';
import { AuditCaseFilesDto } from './audit-log.response';

/**
 * The evidence files of a case (issue 18): listed, downloaded and shown as thumbnails through the
 * case's visibility, exactly as its history is; every download is recorded.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('leader', 'admin', 'inspector', 'hospital')
@Controller('audit/cases/:stream/files')
export class AuditFilesController {
  constructor(private readonly files: AuditFilesService) {}

  @Get()
  @ApiOperation({ summary: 'The files attached to the case that the reader may see (digest, name, size, type, step, who and when)' })
  @ApiOkResponse({ type: AuditCaseFilesDto })
  list(@Param() p: CaseStreamParamDto, @CurrentActor() actor: Actor): Promise<{ root: string; files: CaseFileRow[] }> {
    return this.files.list(actor, p.stream);
  }

  @Get(':digest')
  @ApiOperation({
    summary:
      'The file’s bytes (streamed) with its recorded type, as an attachment; 404 AUDIT.FILE_MISSING when the store lost it, 410 AUDIT.FILE_ERASED when its owner was erased; the read is recorded',
  })
  @ApiFileResponse(['application/octet-stream'], 'The bytes, sent with the media type recorded for the file')
  async download(
    @Param() p: CaseFileParamDto,
    @Query() q: FileReadQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const { row, content } = await this.files.download(actor, p.stream, p.digest, q.purpose);
    fileHeaders(res);
    return new StreamableFile(content.stream, {
      type: row.mediaType,
      length: content.size,
      disposition: attachmentDisposition(row.name, digestFileName(row.digest, row.name)),
    });
  }

  @Get(':digest/thumbnail')
  @ApiOperation({ summary: 'A small JPEG of an image file; 404 AUDIT.FILE_NO_THUMBNAIL for other kinds; the read is recorded' })
  @ApiFileResponse(['image/jpeg'], 'A small JPEG, shown inline')
  async thumbnail(
    @Param() p: CaseFileParamDto,
    @Query() q: FileReadQueryDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const jpeg = await this.files.thumbnail(actor, p.stream, p.digest, q.purpose);
    fileHeaders(res);
    return new StreamableFile(jpeg, {
      type: 'image/jpeg',
      length: jpeg.length,
      disposition: `inline; filename="${p.digest.slice(0, 16)}.jpg"`,
    });
  }
}
