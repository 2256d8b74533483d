import { assertStaffBelongsTo } from '@bihuan/auth';
import { CaseWrite, CommandBody, CommandContext, PolicySource } from '@bihuan/platform';
import { ComplaintPolicy, DEFAULT_COMPLAINT_POLICY } from '../domain/complaint-policy';
import {
  ApproveExtension,
  AwaitComplainant,
  ComplaintTicketCommand,
  DecideComplaint,
  DispatchComplaint,
  ExpireDeadline,
  RecordComplainantReply,
  ReopenComplaint,
  SuperviseComplaint,
} from '../domain/complaint-ticket.commands';
import { complaintTicketDecider } from '../domain/complaint-ticket.decider';
import { ComplaintTicketEvent } from '../domain/complaint-ticket.events';
import {
  COMPLAINT_TICKET_CATEGORY,
  complaintDeadlineId,
  ComplaintTicketState,
  expiryNeedsNext,
  isAssigned,
  pausedDeadlines,
  runningDeadlines,
} from '../domain/complaint-ticket.state';
import { clockTerms, extendedTerms, remainingWorkingMs, resumeTerms } from './complaint-terms';
import { TicketRequestBody } from './ticket-request';

/**
 * The ticket commands whose data depends on the state they are decided on, the calendar or the
 * policy in force: pure functions of (state, context), run by CommandExecution on the very state
 * it decides on (so a pause, resume or extension is computed from exactly that state).
 */

export type TicketContext = CommandContext<ComplaintPolicy>;
export type TicketBuild = (state: ComplaintTicketState, ctx: TicketContext) => CommandBody<ComplaintTicketCommand>;
type Req<K extends TicketRequestBody['kind']> = Extract<TicketRequestBody, { kind: K }>;

/** Policy context name in the PolicyRegistry (`policy-complaints`). */
export const COMPLAINTS_POLICY_CONTEXT = 'complaints';
/** The complaint policy in force decides every ticket write, from HTTP and from the worker. */
export const COMPLAINTS_POLICY: PolicySource<ComplaintPolicy> = { context: COMPLAINTS_POLICY_CONTEXT, defaults: DEFAULT_COMPLAINT_POLICY };

/** A write to one `complaintTicket-<id>` stream (CommandExecution's CaseWrite for this aggregate). */
export type TicketWrite = CaseWrite<ComplaintTicketCommand, ComplaintTicketEvent, ComplaintTicketState, ComplaintPolicy>;

/** The CaseWrite of one ticket; the worker's ComplaintTicketSender delivers wake-ups with it too. */
export function ticketWrite(ticketId: string, build: TicketBuild, authorize?: (state: ComplaintTicketState) => void): TicketWrite {
  return {
    category: COMPLAINT_TICKET_CATEGORY,
    id: ticketId,
    decider: complaintTicketDecider,
    policy: COMPLAINTS_POLICY,
    authorize,
    build,
  };
}

/** 转办: acknowledge and answer clocks from the day after receipt (first dispatch) or now (re-dispatch). */
export function dispatchBody(r: Req<'dispatch'>) {
  return (state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<DispatchComplaint> => {
    const startedAt = state.status !== 'none' && state.round === 0 ? state.receivedAt : now;
    return {
      type: 'DispatchComplaint',
      data: {
        institutionId: r.institutionId,
        departmentIds: r.departmentIds,
        complexity: r.complexity,
        policy,
        acknowledge: clockTerms(calendar, policy, startedAt, policy.acknowledgeWorkingDays, now),
        answer: clockTerms(calendar, policy, startedAt, policy.answerWorkingDays[r.complexity], now),
      },
    };
  };
}

/**
 * 处理意见. The implicated staff member (whose institution `owner` the handler looked up) must be on
 * the staff of the institution the ticket is assigned to — the consequence sagas act on this
 * decision later, in that person's ethics archive.
 */
export function decisionBody(r: Req<'decide'>, owner: string | null) {
  return (state: ComplaintTicketState): CommandBody<DecideComplaint> => {
    const staffId = r.implicatedStaffId;
    if (staffId && isAssigned(state)) assertStaffBelongsTo(staffId, owner, state.assignment.institutionId, 'implicatedStaffId');
    return { type: 'DecideComplaint', data: { decision: r.decision, findings: r.findings, implicatedStaffId: staffId } };
  };
}

/** 延期批准: the running answer deadline moves `extraWorkingDays` past its current due date. */
export function extensionBody(r: Req<'approve-extension'>) {
  return (state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<ApproveExtension> => {
    const current = state.status === 'none' ? undefined : state.deadlines[complaintDeadlineId('answer', state.round)];
    const extended = extendedTerms(calendar, policy, current?.dueAt ?? now, r.extraWorkingDays, now);
    return { type: 'ApproveExtension', data: { extended, extraWorkingDays: r.extraWorkingDays } };
  };
}

/** 停表: every running deadline pauses with the working milliseconds it has left now. */
export function awaitComplainantBody(r: Req<'await-complainant'>) {
  return (state: ComplaintTicketState, { now, calendar }: TicketContext): CommandBody<AwaitComplainant> => ({
    type: 'AwaitComplainant',
    data: {
      reason: r.reason,
      remainingMs: Object.fromEntries(runningDeadlines(state).map((d) => [d.deadlineId, remainingWorkingMs(calendar, d, now)])),
    },
  });
}

/** The complainant replied (to staff or through the public entry): every paused deadline runs again with the time it had left. */
export function complainantReplyBody(r: Req<'complainant-reply'>) {
  return (state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<RecordComplainantReply> => {
    const resume = Object.fromEntries(
      pausedDeadlines(state).map((d) => {
        const startedAt = state.status === 'none' ? now : (state.deadlines[d.deadlineId]?.terms.startedAt ?? now);
        return [d.deadlineId, resumeTerms(calendar, policy, startedAt, d.remainingMs, now)];
      }),
    );
    return { type: 'RecordComplainantReply', data: { note: r.note, resume } };
  };
}

/** 督办 ordered by the commission: the public-notice clock runs from now. */
export function superviseBody(r: Req<'supervise'>) {
  return (_state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<SuperviseComplaint> => ({
    type: 'SuperviseComplaint',
    data: { reason: r.reason, policy, supervision: clockTerms(calendar, policy, now, policy.publicNoticeWorkingDaysAfterSupervision, now) },
  });
}

/** 重办: a fresh answer clock from now at the same institution. */
export function reopenBody(r: Req<'reopen'>) {
  return (_state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<ReopenComplaint> => ({
    type: 'ReopenComplaint',
    data: {
      reason: r.reason,
      complexity: r.complexity,
      policy,
      answer: clockTerms(calendar, policy, now, policy.answerWorkingDays[r.complexity], now),
    },
  });
}

/**
 * A timer's wake-up as the worker delivers it: an overdue answer (ExpireDeadline of `answer-<n>` in
 * an unsupervised round) becomes 督办 with its own deadline, whose terms
 * (publicNoticeWorkingDaysAfterSupervision from the firing instant) are added here, so reminder →
 * supervision → public notice (通报) run by themselves. Anything else is decided as it came.
 */
export function wakeUpBody(command: ComplaintTicketCommand) {
  return (state: ComplaintTicketState, { now, policy, calendar }: TicketContext): CommandBody<ComplaintTicketCommand> => {
    if (command.type !== 'ExpireDeadline' || expiryNeedsNext(state, command.data.deadlineId) !== 'supervision')
      return { type: command.type, data: command.data };
    const supervision = clockTerms(calendar, policy, now, policy.publicNoticeWorkingDaysAfterSupervision, now);
    const next: CommandBody<ExpireDeadline> = { type: 'ExpireDeadline', data: { ...command.data, next: { policy, supervision } } };
    return next;
  };
}
