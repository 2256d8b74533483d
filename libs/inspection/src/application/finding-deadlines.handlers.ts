import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@bihuan/core';
import { ApproveExtension, currentDeadline, IssueRectificationNotice, RecordRecheck, RequestExtension, SignOffFinding } from '../domain';
import { parseDueInput, recheckWindow, rectifyWindow, windowUntil } from './deadline-windows';
import {
  ApproveExtensionCommand,
  IssueNoticeCommand,
  RecordRecheckCommand,
  RequestExtensionCommand,
  SignOffCommand,
} from './finding.commands';
import { CommandAck, InspectionContext } from './inspection-context';

@CommandHandler(IssueNoticeCommand)
export class IssueNoticeHandler implements ICommandHandler<IssueNoticeCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, findingId, data }: IssueNoticeCommand): Promise<CommandAck> {
    const state = await this.ctx.finding(findingId, actor);
    const [policy, calendar, metadata] = [await this.ctx.policy(), await this.ctx.calendar(), this.ctx.metadata(actor)];
    const due = data.dueDate === undefined ? undefined : parseDueInput(data.dueDate, 'dueDate', metadata.now);
    const deadline = rectifyWindow(calendar, policy, metadata.now, state.finding.requiredAction, due);
    const command: IssueRectificationNotice = {
      type: 'IssueRectificationNotice',
      data: { findingId, noticeNo: data.noticeNo ?? null, requirements: data.requirements ?? null, deadline },
      metadata,
    };
    return this.ctx.sendToFinding(findingId, command, policy);
  }
}

@CommandHandler(SignOffCommand)
export class SignOffHandler implements ICommandHandler<SignOffCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, findingId, data }: SignOffCommand): Promise<CommandAck> {
    const state = await this.ctx.finding(findingId, actor);
    const [policy, calendar, metadata] = [await this.ctx.policy(), await this.ctx.calendar(), this.ctx.metadata(actor)];
    const due = data.recheckDueDate === undefined ? undefined : parseDueInput(data.recheckDueDate, 'recheckDueDate', metadata.now);
    const wanted = policy.recheck.mandatoryFor.includes(state.finding.severity) || data.recheck === true || due !== undefined;
    const recheck = wanted ? recheckWindow(calendar, policy, metadata.now, due) : null;
    const command: SignOffFinding = { type: 'SignOffFinding', data: { findingId, comment: data.comment ?? null, recheck }, metadata };
    return this.ctx.sendToFinding(findingId, command, policy);
  }
}

@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<RequestExtensionCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, findingId, data }: RequestExtensionCommand): Promise<CommandAck & { extensionId: string }> {
    await this.ctx.finding(findingId, actor);
    const metadata = this.ctx.metadata(actor);
    const requestedDueAt = parseDueInput(data.requestedDueAt, 'requestedDueAt', metadata.now);
    const extensionId = this.ctx.ids.next();
    const command: RequestExtension = { type: 'RequestExtension', data: { findingId, extensionId, reason: data.reason, requestedDueAt }, metadata };
    return { ...(await this.ctx.sendToFinding(findingId, command, await this.ctx.policy())), extensionId };
  }
}

/**
 * 延期 approved: the finding's current deadline moves to `dueDate`, or `workingDays` working days
 * after its current due date (or after now, if that has passed), or else to the date requested.
 */
@CommandHandler(ApproveExtensionCommand)
export class ApproveExtensionHandler implements ICommandHandler<ApproveExtensionCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, findingId, data }: ApproveExtensionCommand): Promise<CommandAck> {
    const state = await this.ctx.finding(findingId, actor);
    const [policy, calendar, metadata] = [await this.ctx.policy(), await this.ctx.calendar(), this.ctx.metadata(actor)];
    const { now } = metadata;
    const pending = state.rectification.pendingExtension;
    const current = currentDeadline(state);
    if (!pending || pending.extensionId !== data.extensionId || !current) {
      // Let the decider give the precise refusal (role, EXTENSION_NOT_FOUND, NO_ACTIVE_DEADLINE …).
      const window = { startedAt: now, dueAt: now, workingDays: 0, calendarVersion: calendar.version, warnAt: [], policy: {} };
      const probe: ApproveExtension = { type: 'ApproveExtension', data: { findingId, extensionId: data.extensionId, deadline: window }, metadata };
      return this.ctx.sendToFinding(findingId, probe, policy);
    }
    const base = current.dueAt > now ? current.dueAt : now;
    const field = data.workingDays !== undefined ? 'workingDays' : 'dueDate';
    const dueAt = data.workingDays !== undefined
      ? calendar.addWorkingDays(base, data.workingDays).dueAt
      : data.dueDate !== undefined ? parseDueInput(data.dueDate, 'dueDate', now) : pending.requestedDueAt;
    if (dueAt <= current.dueAt) {
      throw DomainError.invalid('INSPECTION.DEADLINE_INVALID', field, `${field}: the new due date must be after the current one (${current.dueAt})`);
    }
    const granted = data.workingDays ?? calendar.workingDaysBetween(base, dueAt);
    if (granted > policy.extensions.maxWorkingDays) {
      throw new DomainError('INSPECTION.EXTENSION_TOO_LONG', `at most ${policy.extensions.maxWorkingDays} working days may be granted (asked: ${granted})`, 'validation', { field });
    }
    const window = windowUntil(calendar, policy, now, dueAt, { extensionId: pending.extensionId, grantedWorkingDays: granted });
    const command: ApproveExtension = {
      type: 'ApproveExtension',
      data: { findingId, extensionId: pending.extensionId, deadline: { ...window, workingDays: granted }, comment: data.comment ?? null },
      metadata,
    };
    return this.ctx.sendToFinding(findingId, command, policy);
  }
}

@CommandHandler(RecordRecheckCommand)
export class RecordRecheckHandler implements ICommandHandler<RecordRecheckCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, findingId, data }: RecordRecheckCommand): Promise<CommandAck> {
    const state = await this.ctx.finding(findingId, actor);
    const [policy, calendar, metadata] = [await this.ctx.policy(), await this.ctx.calendar(), this.ctx.metadata(actor)];
    const due = data.dueDate === undefined ? undefined : parseDueInput(data.dueDate, 'dueDate', metadata.now);
    const deadline = data.outcome === 'reopened' ? rectifyWindow(calendar, policy, metadata.now, state.finding.requiredAction, due) : null;
    const command: RecordRecheck = {
      type: 'RecordRecheck',
      data: { findingId, outcome: data.outcome, notes: data.notes, evidence: data.evidence ?? [], deadline },
      metadata,
    };
    return this.ctx.sendToFinding(findingId, command, policy);
  }
}
