import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, ISSUING_ROLES, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ApiPagedResponse, CommandReceipt, CommandReceiptDto, KeysetPage } from '@bihuan/platform';
import { NoticePublisher } from '../application/notice-publisher';
import { NoticeReads } from '../application/notice-reads';
import { PublicNoticeRequest } from '../application/notice-request.handler';
import { NoticePreview, StaffNoticeView } from '../application/notice-views';
import { NoticeListItem } from '../read-models/notices.queries';
import { CorrectPublicNoticeDto, DraftPublicNoticeDto, ListStaffNoticesQueryDto, RevisePublicNoticeDto } from './public-notice.dto';
import { PublicNoticePreviewDto, StaffNoticeListItemDto, StaffNoticeViewDto } from './public-notice.response';

/** The commission reads its units' notices, drafts included; they are drafted, published and corrected by ISSUING_ROLES (AccessPolicy). */
export const NOTICE_READ_ROLES = ['inspector', 'leader', 'admin'] as const;

/** Public notices (通报 · 公示) as the commission makes them: drafted, revised, published once, corrected by a new notice. */
@ApiTags('public notices')
@ApiBearerAuth()
@Controller('public-notices')
export class PublicNoticesController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(NoticeReads) private readonly reads: NoticeReads,
    @Inject(NoticePublisher) private readonly publisher: NoticePublisher,
  ) {}

  @Post()
  @Roles(...ISSUING_ROLES)
  @ApiOperation({ summary: 'Draft a notice for your unit (or one below it): kind, period or campaign, title and text' })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  draft(@CurrentActor() actor: Actor, @Body() body: DraftPublicNoticeDto): Promise<CommandReceipt> {
    const { kind: noticeKind, ...rest } = body;
    return this.commands.execute(new PublicNoticeRequest(actor, { kind: 'Draft', noticeKind, ...rest }));
  }

  @Get()
  @Roles(...NOTICE_READ_ROLES)
  @ApiOperation({ summary: 'Notices of your units, drafts included, newest drafted first: { items, nextCursor }' })
  @ApiPagedResponse(StaffNoticeListItemDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListStaffNoticesQueryDto): Promise<KeysetPage<NoticeListItem>> {
    const { cursor, pageSize = 20, ...filter } = q;
    return this.reads.staffList(actor, filter, cursor, pageSize);
  }

  @Get(':noticeId')
  @Roles(...NOTICE_READ_ROLES)
  @ApiOperation({ summary: 'A notice with its draft, who drafted and published it, and once published what the public reads' })
  @ApiOkResponse({ type: StaffNoticeViewDto })
  get(@CurrentActor() actor: Actor, @Param('noticeId') noticeId: string): Promise<StaffNoticeView> {
    return this.reads.staffDetail(actor, noticeId);
  }

  @Get(':noticeId/preview')
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary:
      'What publishing the draft now would make public: its text and the tables made from the figures as of now, cut to what may be public; unnumbered, recorded nowhere',
  })
  @ApiOkResponse({ type: PublicNoticePreviewDto })
  preview(@CurrentActor() actor: Actor, @Param('noticeId') noticeId: string): Promise<NoticePreview> {
    return this.publisher.preview(actor, noticeId);
  }

  @Post(':noticeId/revise')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({ summary: 'Change a draft’s title, text, period or campaign; a published notice answers 409 NOTICE.ALREADY_PUBLISHED' })
  @ApiOkResponse({ type: CommandReceiptDto })
  revise(@CurrentActor() actor: Actor, @Param('noticeId') noticeId: string, @Body() body: RevisePublicNoticeDto): Promise<CommandReceipt> {
    return this.commands.execute(new PublicNoticeRequest(actor, { kind: 'Revise', noticeId, ...body }));
  }

  @Post(':noticeId/publish')
  @HttpCode(200)
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary:
      'Publish: the tables are made from the figures as of now (only what may be public), numbered by the unit’s register, frozen with their SM3; final',
  })
  @ApiOkResponse({ type: CommandReceiptDto })
  publish(@CurrentActor() actor: Actor, @Param('noticeId') noticeId: string): Promise<CommandReceipt> {
    return this.commands.execute(new PublicNoticeRequest(actor, { kind: 'Publish', noticeId }));
  }

  @Post(':noticeId/corrections')
  @Roles(...ISSUING_ROLES)
  @ApiOperation({
    summary: 'Draft the correction (or withdrawal) of a published notice: a new notice; once published, the old one shows 已被更正',
  })
  @ApiCreatedResponse({ type: CommandReceiptDto })
  correct(
    @CurrentActor() actor: Actor,
    @Param('noticeId') noticeId: string,
    @Body() body: CorrectPublicNoticeDto,
  ): Promise<CommandReceipt> {
    return this.commands.execute(new PublicNoticeRequest(actor, { kind: 'Correct', noticeId, ...body }));
  }
}
