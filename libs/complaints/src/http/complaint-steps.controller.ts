import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, RECEIVING_ROLES, Roles } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { ReceivedTicket, TicketCommandResult, TicketRequest } from '../application/ticket-request';
import { ReceiveComplaintDto } from './intake.dto';
import { ReceivedTicketDto } from './response.dto';
import * as D from './steps.dto';
import { TicketStep } from './ticket-step.decorator';

const COMMISSION = ['inspector', 'leader', 'admin'] as const;
/** The owner's steps (首诉负责): commission staff, or the hospital whose complaint office received the ticket. */
const OWNER = [...COMMISSION, 'hospital'] as const;

/** Every step of the ticket, each by the role the process gives it (domain.md §2). */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintStepsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Roles(...RECEIVING_ROLES)
  @ApiOperation({
    summary:
      '受理: receive a complaint (window, hotline, letter, 12345 …); answers the ticket code and secret for the complainant. A hospital’s complaint office receives about its own institution at its window, phone or by letter (首诉负责) and owns the ticket',
  })
  @ApiCreatedResponse({ type: ReceivedTicketDto })
  receive(@CurrentActor() actor: Actor, @Body() dto: ReceiveComplaintDto): Promise<ReceivedTicket> {
    return this.bus.execute(new TicketRequest(actor, { kind: 'receive', ...dto }));
  }

  @TicketStep(':id/resolve-on-the-spot', OWNER, '当场办结: the owner resolves a never-dispatched ticket on the spot')
  resolve(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ResolutionDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'resolve-on-the-spot', ticketId: id, resolution: dto.resolution }));
  }

  @TicketStep(
    ':id/dispatch',
    OWNER,
    '转办: dispatch to an institution (a hospital owner: to itself, 自行办理); acknowledge (1) and answer (5/10) working-day clocks start',
  )
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

  @TicketStep(
    ':id/escalate',
    ['hospital'],
    '上报卫健委: the hospital that received the ticket hands it, with a reason, to the commission above it (before its decision); it keeps reading it',
  )
  escalate(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'escalate', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(':id/decline', COMMISSION, '不予受理: decline as out of scope (litigation, mediation, petition …)')
  decline(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.DeclineDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'decline', ticketId: id, ground: dto.ground, reason: dto.reason }));
  }

  @TicketStep(':id/acknowledge', ['hospital'], '签收 by the assigned institution')
  acknowledge(@Param('id') id: string, @CurrentActor() a: Actor): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'acknowledge', ticketId: id }));
  }

  @TicketStep(':id/return', ['hospital'], '退单: return as wrongly assigned, with a reason')
  returnTicket(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'return', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(':id/investigation-notes', ['hospital'], '调查核实: record an investigation note')
  note(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.NoteDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'note', ticketId: id, note: dto.note }));
  }

  @TicketStep(':id/decision', ['hospital'], '处理意见: substantiated / partly / not')
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

  @TicketStep(':id/answer', ['hospital'], '反馈: answer the complainant (shown on the public status page)')
  answer(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.AnswerDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'answer', ticketId: id, answer: dto.answer }));
  }

  @TicketStep(':id/extension-request', ['hospital'], '延期申请 of the answer deadline')
  requestExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'request-extension', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(':id/extension/approve', ['inspector', 'leader'], '延期批准: move the answer deadline by N working days')
  approveExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ApproveExtensionDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'approve-extension', ticketId: id, extraWorkingDays: dto.extraWorkingDays }));
  }

  @TicketStep(':id/extension/deny', ['inspector', 'leader'], 'Deny the pending extension request')
  denyExtension(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'deny-extension', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(
    ':id/await-complainant',
    ['hospital', ...COMMISSION],
    '停表: wait on the complainant; running clocks pause with their working time left',
  )
  awaitComplainant(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'await-complainant', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(
    ':id/complainant-reply',
    ['hospital', ...COMMISSION],
    'The complainant replied (recorded by staff); clocks resume with a new due date',
  )
  complainantReplied(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.OptionalNoteDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'complainant-reply', ticketId: id, note: dto.note ?? null }));
  }

  @TicketStep(':id/supervise', COMMISSION, '督办 ordered by the commission (通报 follows if still open after 5 working days)')
  supervise(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ComplaintReasonDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'supervise', ticketId: id, reason: dto.reason }));
  }

  @TicketStep(':id/follow-up', OWNER, '回访: the owner records the rating given on a follow-up call')
  followUp(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.FollowUpDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'follow-up', ticketId: id, rating: dto.rating, comment: dto.comment ?? null }));
  }

  @TicketStep(':id/close', OWNER, '办结 by the owner (a reason is required without a follow-up or after dissatisfaction)')
  close(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.CloseDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'close', ticketId: id, reason: dto.reason ?? null }));
  }

  @TicketStep(':id/reopen', COMMISSION, '重办 after a dissatisfied follow-up judged valid: a new round with a fresh answer clock')
  reopen(@Param('id') id: string, @CurrentActor() a: Actor, @Body() dto: D.ReopenDto): Promise<TicketCommandResult> {
    return this.bus.execute(new TicketRequest(a, { kind: 'reopen', ticketId: id, reason: dto.reason, complexity: dto.complexity }));
  }
}
