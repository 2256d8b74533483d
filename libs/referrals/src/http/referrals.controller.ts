import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import {
  ApiFileResponse,
  ApiPagedResponse,
  attachmentDisposition,
  CommandReceiptDto,
  digestFileName,
  FileUpload,
  fileHeaders,
  HeaderSink,
  KeysetPage,
  StagedFile,
  StagedUpload,
} from '@bihuan/platform';
import { ReferralReceipt, ReferralRequest } from '../application/referral.handler';
import { ReferralAgency, ReferralDetail, ReferralReads } from '../application/referral-reads';
import { REFERRER_ROLES } from '../domain/referral/referral.decider';
import { ReferralView } from '../read-models/referral-views';
import {
  AttachReferralEvidenceDto,
  CloseReferralDto,
  ListReferralsQueryDto,
  RecordReferralOutcomeDto,
  ReferCaseDto,
  ReferralFileParamDto,
  ReferralParamDto,
} from './referral.dto';
import { ReferralAgencyListDto, ReferralDetailDto, ReferralDto, ReferralReceiptDto } from './referral.response';

/** Who reads referrals: the agencies they went to, and the commission staff over the case (never hospitals). */
const READERS = ['inspector', 'leader', 'admin', 'partner'] as const;

/**
 * 移交 (docs/referrals.md): a commission refers a finding, complaint or ethics archive to a partner
 * agency with its case file; the agency acknowledges it and records its outcome; the commission
 * closes it. Every step is an event of `referral-<id>`, linked to the case referred.
 */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: ReferralReads,
  ) {}

  @Post()
  @Roles('inspector', 'leader')
  @ApiOperation({
    summary:
      'Refer a case the caller may read to a partner agency competent for it: its case file (the audit dossier, no personal data) is kept by its SM3 digest; 签收 is due in the policy’s working days',
  })
  @ApiCreatedResponse({ type: ReferralReceiptDto })
  refer(@CurrentActor() actor: Actor, @Body() body: ReferCaseDto): Promise<ReferralReceipt> {
    return this.commands.execute(new ReferralRequest(actor, null, { kind: 'Refer', data: { ...body } }));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Referrals the caller may read, newest first: an agency’s own; a commission’s within its jurisdiction' })
  @ApiPagedResponse(ReferralDto)
  list(@CurrentActor() actor: Actor, @Query() q: ListReferralsQueryDto): Promise<KeysetPage<ReferralView>> {
    const { cursor, pageSize = 20, ...filter } = q;
    return this.reads.referrals(actor, filter, cursor, pageSize);
  }

  // Before ':referralId', which would otherwise take "agencies" for an id.
  @Get('agencies')
  @Roles(...REFERRER_ROLES)
  @ApiOperation({
    summary:
      'The partner agencies the caller may refer to: beside its commission, one above it or one below it, the most local first (whether one is competent for a given case is checked when referring)',
  })
  @ApiOkResponse({ type: ReferralAgencyListDto })
  agencies(@CurrentActor() actor: Actor): { agencies: ReferralAgency[] } {
    return this.reads.agencies(actor);
  }

  @Get(':referralId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One referral with its files (the case file sent, the agency’s documents)' })
  @ApiOkResponse({ type: ReferralDetailDto })
  get(@CurrentActor() actor: Actor, @Param() p: ReferralParamDto): Promise<ReferralDetail> {
    return this.reads.referral(actor, p.referralId);
  }

  @Get(':referralId/files/:digest')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'A file of the referral (the case file is an HTML dossier); check it against its digest; the download is recorded',
  })
  @ApiFileResponse(['application/octet-stream'], 'The bytes, sent with the media type recorded for the file')
  async file(
    @CurrentActor() actor: Actor,
    @Param() p: ReferralFileParamDto,
    @Res({ passthrough: true }) res: HeaderSink,
  ): Promise<StreamableFile> {
    const { file, content } = await this.reads.file(actor, p.referralId, p.digest);
    fileHeaders(res);
    return new StreamableFile(content.stream, {
      type: file.mediaType,
      length: content.size,
      disposition: attachmentDisposition(file.name, digestFileName(file.digest, file.name)),
    });
  }

  @Post(':referralId/acknowledge')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: '签收: a user of the agency it went to acknowledges the referral' })
  @ApiOkResponse({ type: CommandReceiptDto })
  acknowledge(@CurrentActor() actor: Actor, @Param() p: ReferralParamDto): Promise<ReferralReceipt> {
    return this.commands.execute(new ReferralRequest(actor, p.referralId, { kind: 'Acknowledge', data: {} }));
  }

  @Post(':referralId/evidence')
  @HttpCode(200)
  @Roles('partner')
  @FileUpload({ mode: 'streamed', use: 'referral', fields: { note: { type: 'string', maxLength: 1000 } } })
  @ApiOperation({ summary: 'Upload a document of the agency’s answer (立案决定书 …) once acknowledged; the outcome cites it by digest' })
  @ApiOkResponse({ type: ReferralReceiptDto })
  attach(
    @CurrentActor() actor: Actor,
    @Param() p: ReferralParamDto,
    @StagedUpload() staged: StagedFile,
    @Body() body: AttachReferralEvidenceDto,
  ): Promise<ReferralReceipt> {
    return this.commands.execute(
      new ReferralRequest(actor, p.referralId, { kind: 'AttachEvidence', data: { staged, note: body.note ?? null } }),
    );
  }

  @Post(':referralId/outcome')
  @HttpCode(200)
  @Roles('partner')
  @ApiOperation({ summary: '反馈处理结果: the agency records what it did (立案 / 不予立案 / 处分 …), citing its uploaded documents' })
  @ApiOkResponse({ type: CommandReceiptDto })
  outcome(@CurrentActor() actor: Actor, @Param() p: ReferralParamDto, @Body() body: RecordReferralOutcomeDto): Promise<ReferralReceipt> {
    const data = { outcome: body.outcome, text: body.text, evidence: body.evidence ?? [] };
    return this.commands.execute(new ReferralRequest(actor, p.referralId, { kind: 'RecordOutcome', data }));
  }

  @Post(':referralId/close')
  @HttpCode(200)
  @Roles('inspector', 'leader')
  @ApiOperation({ summary: '办结: the commission closes the referral once the agency answered' })
  @ApiOkResponse({ type: CommandReceiptDto })
  close(@CurrentActor() actor: Actor, @Param() p: ReferralParamDto, @Body() body: CloseReferralDto): Promise<ReferralReceipt> {
    return this.commands.execute(new ReferralRequest(actor, p.referralId, { kind: 'Close', data: { note: body.note ?? null } }));
  }
}
