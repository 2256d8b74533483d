import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FindingCommand } from '../domain';
import {
  DenyExtensionCommand,
  RejectSignOffCommand,
  ReportProgressCommand,
  RequestSignOffCommand,
  SubmitPlanCommand,
  WithdrawFindingCommand,
} from './finding.commands';
import { CommandAck, InspectionContext } from './inspection-context';

type Step = { readonly actor: SubmitPlanCommand['actor']; readonly findingId: string; readonly data: object };

/** The steps that need no computed deadline: scope check, then the domain command as given. */
async function step(ctx: InspectionContext, c: Step, type: FindingCommand['type']): Promise<CommandAck> {
  await ctx.finding(c.findingId, c.actor);
  const command = { type, data: { findingId: c.findingId, ...c.data }, metadata: ctx.metadata(c.actor) } as FindingCommand;
  return ctx.sendToFinding(c.findingId, command, await ctx.policy());
}

@CommandHandler(SubmitPlanCommand)
export class SubmitPlanHandler implements ICommandHandler<SubmitPlanCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: SubmitPlanCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'SubmitRectificationPlan');
  }
}

@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: ReportProgressCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'ReportRectificationProgress');
  }
}

@CommandHandler(RequestSignOffCommand)
export class RequestSignOffHandler implements ICommandHandler<RequestSignOffCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: RequestSignOffCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'RequestSignOff');
  }
}

@CommandHandler(RejectSignOffCommand)
export class RejectSignOffHandler implements ICommandHandler<RejectSignOffCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: RejectSignOffCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'RejectSignOff');
  }
}

@CommandHandler(DenyExtensionCommand)
export class DenyExtensionHandler implements ICommandHandler<DenyExtensionCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: DenyExtensionCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'DenyExtension');
  }
}

@CommandHandler(WithdrawFindingCommand)
export class WithdrawFindingHandler implements ICommandHandler<WithdrawFindingCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}
  execute(c: WithdrawFindingCommand): Promise<CommandAck> {
    return step(this.ctx, c, 'WithdrawFinding');
  }
}
