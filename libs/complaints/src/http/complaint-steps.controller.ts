import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ReceivedTicket, TicketCommandResult, TicketRequest } from '../application/ticket-request';
import { ReceiveComplaintDto } from './intake.dto';
import { ReceivedTicketDto, TicketCommandResultDto } from './response.dto';
import * as D from './steps.dto';

const COMMISSION = ['inspector', 'leader', 'admin'] as const;

/** Every step of the ticket, each by the role the process gives it (domain.md §2). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintStepsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Roles(...COMMISSION)
  @ApiOperation({
    summary: '受理: receive a complaint (window, hotline, letter, 12345 …); answers the ticket code and secret for the complainant',
  })
  @ApiCreatedResponse({ type: ReceivedTicketDto })
  receive(@CurrentActor() actor: Actor, @Body() dto: ReceiveComplaintDto): Promise<ReceivedTicket> {
    return this.bus.execute(new TicketRequest(actor, { kind: 'receive', ...dto }));
  }

  @Post(':id/resolve-on-the-spot')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '当场办结: resolve a never-dispatched ticket on the spot' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  resolve(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ResolutionDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'resolve-on-the-spot', ticketId: id, resolution: dto.resolution }));
  }

  @Post(':id/dispatch')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '转办: dispatch to an institution; acknowledge (1) and answer (5/10) working-day clocks start' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  dispatch(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.DispatchDto): Promise<TicketCommandResult> {
    return this.bus.execute(
      new TicketRequest(a, {
        kind: 'dispatch',
        ticketId: id,
        institutionId: dto.institutionId,
        complexity: dto.complexity,
        departmentIds: dto.departmentIds ?? [],
      }),
    );
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '不予受理: decline as out of scope (litigation, mediation, petition …)' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  decline(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.DeclineDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'decline', ticketId: id, ground: dto.ground, reason: dto.reason }));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '签收 by the assigned institution' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  acknowledge(@Param('id') id: string, @CurrentActor() a: Actor): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'acknowledge', ticketId: id }));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '退单: return as wrongly assigned, with a reason' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  returnTicket(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'return', ticketId: id, reason: dto.reason }));
  }

  @Post(':id/investigation-notes')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '调查核实: record an investigation note' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  note(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.NoteDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'note', ticketId: id, note: dto.note }));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '处理意见: substantiated / partly / not' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  decide(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.DecisionDto): Promise<TicketCommandResult> {
    return this.bus.execute(
      new TicketRequest(a, {
        kind: 'decide',
        ticketId: id,
        decision: dto.decision,
        findings: dto.findings,
        implicatedStaffId: dto.implicatedStaffId ?? null,
      }),
    );
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '反馈: answer the complainant (shown on the public status page)' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  answer(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.AnswerDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'answer', ticketId: id, answer: dto.answer }));
  }

  @Post(':id/extension-request')
  @HttpCode(200)
  @Roles('hospital')
  @ApiOperation({ summary: '延期申请 of the answer deadline' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  requestExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'request-extension', ticketId: id, reason: dto.reason }));
  }

  @Post(':id/extension/approve')
  @HttpCode(200)
  @Roles('inspector', 'leader')
  @ApiOperation({ summary: '延期批准: move the answer deadline by N working days' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  approveExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ApproveExtensionDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'approve-extension', ticketId: id, extraWorkingDays: dto.extraWorkingDays }));
  }

  @Post(':id/extension/deny')
  @HttpCode(200)
  @Roles('inspector', 'leader')
  @ApiOperation({ summary: 'Deny the pending extension request' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  denyExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'deny-extension', ticketId: id, reason: dto.reason }));
  }

  @Post(':id/await-complainant')
  @HttpCode(200)
  @Roles('hospital', ...COMMISSION)
  @ApiOperation({ summary: '停表: wait on the complainant; running clocks pause with their working time left' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  awaitComplainant(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'await-complainant', ticketId: id, reason: dto.reason }));
  }

  @Post(':id/complainant-reply')
  @HttpCode(200)
  @Roles('hospital', ...COMMISSION)
  @ApiOperation({ summary: 'The complainant replied (recorded by staff); clocks resume with a new due date' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  complainantReplied(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.OptionalNoteDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'complainant-reply', ticketId: id, note: dto.note ?? null }));
  }

  @Post(':id/supervise')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '督办 ordered by the commission (通报 follows if still open after 5 working days)' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  supervise(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'supervise', ticketId: id, reason: dto.reason }));
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '回访: record the rating given on a follow-up call' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  followUp(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.FollowUpDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'follow-up', ticketId: id, rating: dto.rating, comment: dto.comment ?? null }));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '办结 (a reason is required without a follow-up or after dissatisfaction)' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  close(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.CloseDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'close', ticketId: id, reason: dto.reason ?? null }));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles(...COMMISSION)
  @ApiOperation({ summary: '重办 after a dissatisfied follow-up judged valid: a new round with a fresh answer clock' })
  @ApiOkResponse({ type: TicketCommandResultDto })
  reopen(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReopenDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'reopen', ticketId: id, reason: dto.reason, complexity: dto.complexity }));
  }
}
