import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@bihuan/core';
import { CancelVisit, OpenFinding, PlanVisit, RecordVisit, RegisterFindings, visitDecider } from '../domain';
import { CommandAck, InspectionContext } from './inspection-context';
import { CancelVisitCommand, OpenFindingCommand, PlanVisitCommand, RecordVisitCommand } from './visit.commands';

@CommandHandler(PlanVisitCommand)
export class PlanVisitHandler implements ICommandHandler<PlanVisitCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, data }: PlanVisitCommand): Promise<CommandAck> {
    this.ctx.requireInstitutionInScope(actor, data.institutionId);
    // The calling inspector (the default) is already scope-checked; ids the body names are looked up.
    this.ctx.requireInspectorsCover(data.inspectorIds, data.institutionId);
    const visitId = this.ctx.ids.next();
    const inspectorIds = data.inspectorIds ?? (actor.role === 'inspector' ? [actor.id] : []);
    const command: PlanVisit = {
      type: 'PlanVisit',
      data: { visitId, kind: data.kind, institutionId: data.institutionId, inspectorIds, plannedDate: data.plannedDate, campaignId: data.campaignId ?? null },
      metadata: this.ctx.metadata(actor),
    };
    return this.ctx.sendToVisit(visitId, command);
  }
}

/** A visit is recorded when it has happened: `conductedOn` may not lie in the future (Shanghai time). */
function assertNotFuture(conductedOn: string, now: string): void {
  const today = new Date(Date.parse(now) + 8 * 3_600_000).toISOString().slice(0, 10);
  const future = conductedOn.length === 10 ? conductedOn > today : Date.parse(conductedOn) > Date.parse(now);
  if (future) throw DomainError.invalid('INSPECTION.DATE_INVALID', 'conductedOn', `conductedOn (${conductedOn}) lies in the future`);
}

@CommandHandler(RecordVisitCommand)
export class RecordVisitHandler implements ICommandHandler<RecordVisitCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, visitId, data }: RecordVisitCommand): Promise<CommandAck> {
    const visit = await this.ctx.visit(visitId, actor);
    this.ctx.requireInspectorsCover(data.inspectorIds, visit.visit.institutionId);
    const metadata = this.ctx.metadata(actor);
    assertNotFuture(data.conductedOn, metadata.now);
    const command: RecordVisit = { type: 'RecordVisit', data: { visitId, ...data }, metadata };
    return this.ctx.sendToVisit(visitId, command);
  }
}

@CommandHandler(CancelVisitCommand)
export class CancelVisitHandler implements ICommandHandler<CancelVisitCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, visitId, reason }: CancelVisitCommand): Promise<CommandAck> {
    await this.ctx.visit(visitId, actor);
    const command: CancelVisit = { type: 'CancelVisit', data: { visitId, reason }, metadata: this.ctx.metadata(actor) };
    return this.ctx.sendToVisit(visitId, command);
  }
}

/**
 * Opens the finding (`finding-<id>`) and registers it on its visit. The registration is decided
 * dry first (the decider is pure), so a visit that cannot take the finding (not conducted, closed,
 * wrong actor) refuses before anything is written.
 */
@CommandHandler(OpenFindingCommand)
export class OpenFindingHandler implements ICommandHandler<OpenFindingCommand> {
  constructor(@Inject(InspectionContext) private readonly ctx: InspectionContext) {}

  async execute({ actor, visitId, data }: OpenFindingCommand): Promise<CommandAck & { visitId: string }> {
    const visit = await this.ctx.visit(visitId, actor);
    const findingId = this.ctx.ids.next();
    const register: RegisterFindings = { type: 'RegisterFindings', data: { visitId, findingIds: [findingId] }, metadata: this.ctx.metadata(actor) };
    visitDecider.decide(register, visit); // throws VISIT_NOT_CONDUCTED / VISIT_CLOSED / ROLE_FORBIDDEN … before any write
    const open: OpenFinding = {
      type: 'OpenFinding',
      data: {
        findingId,
        visitId,
        visitKind: visit.visit.kind,
        institutionId: visit.visit.institutionId,
        campaignId: visit.visit.campaignId,
        ...data,
      },
      metadata: { ...this.ctx.metadata(actor), correlationId: register.metadata.correlationId },
    };
    const policy = await this.ctx.policy();
    const opened = await this.ctx.sendToFinding(findingId, open, policy);
    const registered = await this.ctx.sendToVisit(visitId, { ...register, metadata: { ...register.metadata, causationId: open.metadata.commandId } });
    return { ...opened, visitId, position: registered.position ?? opened.position, events: [...opened.events, ...registered.events] };
  }
}
