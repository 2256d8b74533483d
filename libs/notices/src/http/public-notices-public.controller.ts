import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@bihuan/auth';
import { FileResponse, sendDocx } from '@bihuan/documents';
import { ApiFileResponse, ApiPagedResponse, DOCX_MEDIA_TYPE, KeysetPage } from '@bihuan/platform';
import { NoticeReads, PublicNoticeListItem } from '../application/notice-reads';
import { PublicNoticeView } from '../application/notice-views';
import { ListPublicNoticesQueryDto } from './public-notice.dto';
import { PublicNoticeListItemDto, PublicNoticeViewDto } from './public-notice.response';

/** Published notices for everyone (no token; a token changes nothing): only what was published, while it is public. */
@ApiTags('public')
@Public()
@Controller('public/notices')
export class PublicNoticesPublicController {
  constructor(@Inject(NoticeReads) private readonly reads: NoticeReads) {}

  @Get()
  @ApiOperation({ summary: 'Published notices within their publicity period, newest first: { items, nextCursor }' })
  @ApiPagedResponse(PublicNoticeListItemDto)
  list(@Query() q: ListPublicNoticesQueryDto): Promise<KeysetPage<PublicNoticeListItem>> {
    return this.reads.publicList(q.kind, q.cursor, q.pageSize ?? 20);
  }

  @Get(':noticeId')
  @ApiOperation({ summary: 'A published notice: its text and tables as printed, number, SM3 digests, corrections (404 for a draft)' })
  @ApiOkResponse({ type: PublicNoticeViewDto })
  get(@Param('noticeId') noticeId: string): Promise<PublicNoticeView> {
    return this.reads.publicDetail(noticeId);
  }

  @Get(':noticeId/document')
  @ApiOperation({ summary: 'The notice as DOCX, re-rendered from what was published and answered only if its SM3 is the recorded one' })
  @ApiFileResponse([DOCX_MEDIA_TYPE], 'The printable notice (DOCX); its SM3 in X-Content-SM3')
  async document(@Param('noticeId') noticeId: string, @Res() res: FileResponse): Promise<void> {
    sendDocx(res, await this.reads.publicDocument(noticeId));
  }
}
