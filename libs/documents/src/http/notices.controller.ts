import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { READ_ROLES } from '@bihuan/inspection';
import { ApiFileResponse, DOCX_MEDIA_TYPE } from '@bihuan/platform';
import { IssueNoticeDocument } from '../application/issue-notice.handler';
import { DownloadNoticeQuery, ListNoticesQuery } from '../application/notice.queries';
import { NoticeDocumentView } from '../application/notice-views';
import { IssueNoticeDocumentDto, NoticeDocumentDto, NoticeDocumentListDto } from './notice.dto';
import { FileResponse, sendDocx } from './send-docx';

/** Printed notices of a finding (整改通知书 …): issue one, list them, download one. Visible exactly as the finding is. */
@ApiTags('documents: notices')
@ApiBearerAuth()
@Controller('findings/:findingId/notices')
export class NoticesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('inspector')
  @ApiCreatedResponse({ type: NoticeDocumentDto })
  @ApiOperation({
    summary: 'Issue a notice: takes the next number of the issuing unit, fills the template, records number and SM3 digest on the finding',
  })
  issue(
    @CurrentActor() actor: Actor,
    @Param('findingId') findingId: string,
    @Body() body: IssueNoticeDocumentDto,
  ): Promise<NoticeDocumentView> {
    return this.commands.execute(new IssueNoticeDocument(actor, findingId, body.kind));
  }

  @Get()
  @Roles(...READ_ROLES)
  @ApiOkResponse({ type: NoticeDocumentListDto })
  @ApiOperation({ summary: 'The notices issued on the finding, with number, digest and download path' })
  list(@CurrentActor() actor: Actor, @Param('findingId') findingId: string) {
    return this.queries.execute(new ListNoticesQuery(actor, findingId));
  }

  @Get(':number')
  @Roles(...READ_ROLES)
  @ApiFileResponse([DOCX_MEDIA_TYPE], 'The notice (DOCX), byte for byte the one whose digest was recorded')
  @ApiOperation({ summary: 'The notice as DOCX, regenerated from the log and answered only if its SM3 equals the recorded digest' })
  async download(
    @CurrentActor() actor: Actor,
    @Param('findingId') findingId: string,
    @Param('number') documentNo: string,
    @Res() res: FileResponse,
  ): Promise<void> {
    sendDocx(res, await this.queries.execute(new DownloadNoticeQuery(actor, findingId, documentNo)));
  }
}
