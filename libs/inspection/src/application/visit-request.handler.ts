import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, assertNever, CAMPAIGN_CHECK, CampaignCheck, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { CommandExecution, CommandOutcome, CommandReceipt, commandReceipt } from '@bihuan/platform';
import { FindingDraft, VISIT_STREAM_CATEGORY, visitDecider, VisitFindingsRegistered, VisitKind } from '../domain';
import { findingOpenings } from '../workflows';
import { EvidenceAck, EvidenceUpload, withPreparedEvidence } from './evidence-attachment';
import { FINDING_WRITE, InspectionAccess } from './inspection-access';

export type VisitRequestBody =
  /** Plan a visit (inspector; a hospital plans its own `self` inspection). */
  | {
      readonly kind: 'Plan';
      readonly visitKind: VisitKind;
      readonly institutionId: string;
      readonly inspectorIds?: readonly string[];
      readonly plannedDate: string;
      readonly campaignId?: string;
    }
  /** Record that a planned visit took place. */
  | {
      readonly kind: 'Record';
      readonly visitId: string;
      readonly conductedOn: string;
      readonly inspectorIds?: readonly string[];
      readonly summary?: string;
    }
  /** Cancel a planned visit that will not take place. */
  | { readonly kind: 'Cancel'; readonly visitId: string; readonly reason: string }
  /** Record a finding on a conducted visit, then open its stream from that record. */
  | { readonly kind: 'RegisterFinding'; readonly visitId: string; readonly finding: Omit<FindingDraft, 'findingId'> }
  /** A photo or recording of the visit, uploaded by those who record it. */
  | ({ readonly kind: 'AttachEvidence'; readonly visitId: string } & EvidenceUpload);

/** A registered finding answers with its own id and stream, and names its visit; an attachment answers its file. */
export type VisitAck = CommandReceipt & { readonly visitId?: string; readonly file?: EvidenceAck['file'] };

/** The one message to the Visit aggregate (`visit-<id>`) from the API. */
export class VisitRequest extends Command<VisitAck> {
  constructor(
    readonly actor: Actor,
    readonly request: VisitRequestBody,
  ) {
    super();
  }
}

/**
 * The visit's application service: each request is one write to the visit's stream (scope
 * checked on the loaded state). Registering a finding is the visit's write — the visit decides it
 * is conducted and open, and records the finding — followed by opening the finding's stream from
 * that record, exactly as the findingOpening workflow does should this process die in between.
 */
@CommandHandler(VisitRequest)
export class VisitRequestHandler implements ICommandHandler<VisitRequest> {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(InspectionAccess) private readonly scope: InspectionAccess,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
    @Inject(CAMPAIGN_CHECK) private readonly campaigns: CampaignCheck,
  ) {}

  async execute({ actor, request: r }: VisitRequest): Promise<VisitAck> {
    const write = { category: VISIT_STREAM_CATEGORY, decider: visitDecider };
    switch (r.kind) {
      case 'Plan': {
        if (r.campaignId !== undefined) {
          // Filed under a campaign (专项行动, 自查 included): one the actor may read, open, scoping the institution.
          this.scope.requireInstitutionInScope(actor, r.institutionId);
          await this.campaigns.requireOpen(actor, r.campaignId, [r.institutionId]);
        }
        const visitId = this.ids.next();
        const inspectorIds = r.inspectorIds ?? (actor.role === 'inspector' ? [actor.id] : []);
        return commandReceipt(
          await this.commands.execute(actor, {
            ...write,
            id: visitId,
            creates: true,
            // The calling inspector (the default) is scope-checked with the institution; ids the body names are looked up.
            authorize: () => {
              this.scope.requireInstitutionInScope(actor, r.institutionId);
              this.scope.requireInspectorsCover(r.inspectorIds, r.institutionId);
            },
            build: () => ({
              type: 'PlanVisit',
              data: {
                visitId,
                kind: r.visitKind,
                institutionId: r.institutionId,
                inspectorIds,
                plannedDate: r.plannedDate,
                campaignId: r.campaignId ?? null,
              },
            }),
          }),
        );
      }
      case 'Record':
        return commandReceipt(
          await this.commands.execute(actor, {
            ...write,
            id: r.visitId,
            authorize: (state) =>
              this.scope.requireInspectorsCover(r.inspectorIds, this.scope.visit(actor, r.visitId)(state).visit.institutionId),
            build: () => ({
              type: 'RecordVisit',
              data: { visitId: r.visitId, conductedOn: r.conductedOn, inspectorIds: r.inspectorIds, summary: r.summary },
            }),
          }),
        );
      case 'Cancel':
        return commandReceipt(
          await this.commands.execute(actor, {
            ...write,
            id: r.visitId,
            authorize: this.scope.visit(actor, r.visitId),
            build: () => ({ type: 'CancelVisit', data: { visitId: r.visitId, reason: r.reason } }),
          }),
        );
      case 'RegisterFinding': {
        const findingId = this.ids.next();
        const registered = await this.commands.execute(actor, {
          ...write,
          id: r.visitId,
          authorize: this.scope.visit(actor, r.visitId),
          build: () => ({ type: 'RegisterFindings', data: { visitId: r.visitId, findings: [{ ...r.finding, findingId }] } }),
        });
        const opened = await this.open(registered.stream, findingId);
        return {
          id: findingId,
          stream: opened.stream,
          visitId: r.visitId,
          position: opened.position ?? registered.position,
          events: [...opened.events, ...registered.events],
        };
      }
      case 'AttachEvidence':
        return withPreparedEvidence(this.vault, r.staged, async (prepared) => {
          const outcome = await this.commands.execute(actor, {
            ...write,
            id: r.visitId,
            authorize: this.scope.visit(actor, r.visitId),
            build: () => ({
              type: 'AttachEvidence',
              data: { visitId: r.visitId, file: prepared.file, step: r.step ?? 'visit', note: r.note ?? null },
            }),
            beforeAppend: () => prepared.keep(),
          });
          return { ...commandReceipt(outcome), file: prepared.file };
        });
      default:
        return assertNever(r, 'visit request');
    }
  }

  /** Opens the finding from its visit's record: the findingOpening workflow's own command (a redelivery if it came first). */
  private async open(visitStream: string, findingId: string): Promise<CommandOutcome> {
    const history = await this.commands.store.readStream(visitStream);
    const recorded = history.find(
      (e) => e.type === 'VisitFindingsRegistered' && (e.data as VisitFindingsRegistered['data']).findingIds.includes(findingId),
    );
    const open = recorded ? findingOpenings(recorded).find((c) => c.data.findingId === findingId) : undefined;
    if (!open) throw new Error(`${visitStream} does not record finding ${findingId}`);
    return this.commands.deliver(open.metadata, {
      ...FINDING_WRITE,
      id: findingId,
      build: () => ({ type: open.type, data: open.data }),
    });
  }
}
