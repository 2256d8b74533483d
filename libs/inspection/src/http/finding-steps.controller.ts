import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@bihuan/core';
import { CurrentActor, Roles } from '@bihuan/auth';
import {
  ApproveExtensionCommand, CommandAck, DenyExtensionCommand, IssueNoticeCommand, RecordRecheckCommand, RejectSignOffCommand,
  ReportProgressCommand, RequestExtensionCommand, RequestSignOffCommand, SignOffCommand, SubmitPlanCommand, WithdrawFindingCommand,
} from '../application';
import {
  ExtensionApprovalDto, ExtensionDenialDto, ExtensionRequestDto, IssueNoticeDto, RecheckDto, RejectSignOffDto, ReportProgressDto,
  RequestSignOffDto, SignOffDto, SubmitPlanDto,
} from './finding.dto';
import { CommandAckDto } from './query.dto';
import { ReasonDto } from './visit.dto';

/**
 * The rectification loop of one finding (ledger row): the inspector's steps and the hospital's.
 * Every step answers 200 with `{ id, position, events }`; `events: []` means nothing changed.
 */
@ApiTags('inspection: findings')
@ApiBearerAuth()
@Controller('findings/:findingId')
export class FindingStepsController {
  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  @Post('notice') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: '整改通知书: issue the rectification notice; the deadline is policy working days unless dueDate is given' })
  notice(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: IssueNoticeDto): Promise<CommandAck> {
    return this.commands.execute(new IssueNoticeCommand(a, id, b));
  }

  @Post('plan') @HttpCode(200) @Roles('hospital') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Hospital submits (or revises) its rectification plan (整改措施)' })
  plan(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: SubmitPlanDto): Promise<CommandAck> {
    return this.commands.execute(new SubmitPlanCommand(a, id, b));
  }

  @Post('progress') @HttpCode(200) @Roles('hospital') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Hospital reports progress with evidence references' })
  progress(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ReportProgressDto): Promise<CommandAck> {
    return this.commands.execute(new ReportProgressCommand(a, id, b));
  }

  @Post('sign-off-request') @HttpCode(200) @Roles('hospital') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: '申请销号: hospital asks for sign-off (evidence required by default policy)' })
  requestSignOff(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RequestSignOffDto): Promise<CommandAck> {
    return this.commands.execute(new RequestSignOffCommand(a, id, b));
  }

  @Post('sign-off') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: '销号: inspector signs the row off; severe findings get a re-check (回头看) deadline' })
  signOff(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: SignOffDto): Promise<CommandAck> {
    return this.commands.execute(new SignOffCommand(a, id, b));
  }

  @Post('reject') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Inspector rejects a sign-off request with reasons' })
  reject(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RejectSignOffDto): Promise<CommandAck> {
    return this.commands.execute(new RejectSignOffCommand(a, id, b));
  }

  @Post('extension-request') @HttpCode(200) @Roles('hospital') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: '延期: hospital asks for more time; answers with the extensionId' })
  requestExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionRequestDto): Promise<CommandAck> {
    return this.commands.execute(new RequestExtensionCommand(a, id, b));
  }

  @Post('extension-approval') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Inspector approves an extension: workingDays more, or until dueDate, or the date asked' })
  approveExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionApprovalDto): Promise<CommandAck> {
    return this.commands.execute(new ApproveExtensionCommand(a, id, b));
  }

  @Post('extension-denial') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Inspector denies an extension with a reason' })
  denyExtension(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ExtensionDenialDto): Promise<CommandAck> {
    return this.commands.execute(new DenyExtensionCommand(a, id, b));
  }

  @Post('recheck') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: '回头看: passed, or reopened (反弹) with a new rectification deadline' })
  recheck(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: RecheckDto): Promise<CommandAck> {
    return this.commands.execute(new RecordRecheckCommand(a, id, b));
  }

  @Post('withdraw') @HttpCode(200) @Roles('inspector') @ApiOkResponse({ type: CommandAckDto })
  @ApiOperation({ summary: 'Inspector withdraws a finding opened in error (the record stays)' })
  withdraw(@CurrentActor() a: Actor, @Param('findingId') id: string, @Body() b: ReasonDto): Promise<CommandAck> {
    return this.commands.execute(new WithdrawFindingCommand(a, id, b));
  }
}
