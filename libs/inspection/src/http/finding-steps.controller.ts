import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import { CommandReceiptDto } from '@bihuan/platform';
import { FindingAck, FindingRequest, FindingRequestBody } from '../application';
import {
  ExtensionApprovalDto,
  ExtensionDenialDto,
  ExtensionRequestDto,
  IssueNoticeDto,
  RecheckDto,
  RejectSignOffDto,
  ReportProgressDto,
  RequestSignOffDto,
  SignOffDto,
  SubmitPlanDto,
} from './finding.dto';
import { InspectionExtensionRequestedDto } from './receipt.response';
import { InspectionReasonDto } from './visit.dto';

/**
 * The rectification loop of one finding (ledger row): the inspector's steps and the hospital's.
 * Every step answers 200 with the command receipt `{ id, stream, position, events }`; `events: []` means nothing changed.
 */
@ApiTags('inspection: findings')
@ApiBearerAuth()
@Controller('findings/:findingId')
export class FindingStepsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  private send(actor: Actor, request: FindingRequestBody): Promise<FindingAck> {
    return this.commands.execute(new FindingRequest(actor, request));
  }

  @Post('notice')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: '整改通知书: issue the rectification notice; the deadline is policy working days unless dueDate is given' })
  notice(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: IssueNoticeDto): Promise<FindingAck> {
    return this.send(a, { kind: 'IssueNotice', findingId: id, ...b });
  }

  @Post('plan')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Hospital submits (or revises) its rectification plan (整改措施)' })
  plan(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: SubmitPlanDto): Promise<FindingAck> {
    return this.send(a, { kind: 'SubmitPlan', findingId: id, ...b });
  }

  @Post('progress')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Hospital reports progress with evidence references' })
  progress(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ReportProgressDto): Promise<FindingAck> {
    return this.send(a, { kind: 'ReportProgress', findingId: id, ...b });
  }

  @Post('sign-off-request')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: '申请销号: hospital asks for sign-off (evidence required by default policy)' })
  requestSignOff(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RequestSignOffDto): Promise<FindingAck> {
    return this.send(a, { kind: 'RequestSignOff', findingId: id, ...b });
  }

  @Post('sign-off')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: '销号: inspector signs the row off; severe findings get a re-check (回头看) deadline' })
  signOff(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: SignOffDto): Promise<FindingAck> {
    return this.send(a, { kind: 'SignOff', findingId: id, ...b });
  }

  @Post('reject')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Inspector rejects a sign-off request with reasons' })
  reject(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RejectSignOffDto): Promise<FindingAck> {
    return this.send(a, { kind: 'RejectSignOff', findingId: id, ...b });
  }

  @Post('extension-request')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOkResponse({ type: InspectionExtensionRequestedDto })
  @ApiOperation({ summary: '延期: hospital asks for more time; answers with the extensionId' })
  requestExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionRequestDto): Promise<FindingAck> {
    return this.send(a, { kind: 'RequestExtension', findingId: id, ...b });
  }

  @Post('extension-approval')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Inspector approves an extension: workingDays more, or until dueDate, or the date asked' })
  approveExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionApprovalDto): Promise<FindingAck> {
    return this.send(a, { kind: 'ApproveExtension', findingId: id, ...b });
  }

  @Post('extension-denial')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Inspector denies an extension with a reason' })
  denyExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionDenialDto): Promise<FindingAck> {
    return this.send(a, { kind: 'DenyExtension', findingId: id, ...b });
  }

  @Post('recheck')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: '回头看: passed, or reopened (反弹) with a new rectification deadline' })
  recheck(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RecheckDto): Promise<FindingAck> {
    return this.send(a, { kind: 'RecordRecheck', findingId: id, ...b });
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOkResponse({ type: CommandReceiptDto })
  @ApiOperation({ summary: 'Inspector withdraws a finding opened in error (the record stays)' })
  withdraw(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: InspectionReasonDto): Promise<FindingAck> {
    return this.send(a, { kind: 'Withdraw', findingId: id, ...b });
  }
}
