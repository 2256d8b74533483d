import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, assertNever } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { CommandBody, CommandContext, CommandExecution, CommandReceipt, commandReceipt } from '@bihuan/platform';
import { defaultFindingEvidenceStep, ExistingFinding, FindingCommand, InspectionPolicy, RecheckOutcome } from '../domain';
import { extensionDeadline, noticeDeadline, parseDueInput, reopeningDeadline, signOffRecheck } from './deadline-windows';
import { EvidenceAck, EvidenceUpload, withPreparedEvidence } from './evidence-attachment';
import { existingFinding, FINDING_WRITE, InspectionAccess } from './inspection-access';

/** One step on an existing finding (ledger row); `kind` names it. Optional fields may be left out. */
export type FindingRequestBody = { readonly findingId: string } &
  /** 整改通知书: the deadline is computed (policy × calendar) unless the inspector names `dueDate`. */
  (
    | { readonly kind: 'IssueNotice'; readonly noticeNo?: string; readonly requirements?: string; readonly dueDate?: string }
    | {
        readonly kind: 'SubmitPlan';
        readonly measures: string;
        readonly responsibleDepartment?: string;
        readonly responsiblePerson?: string;
        readonly plannedCompletion?: string;
      }
    | { readonly kind: 'ReportProgress'; readonly summary: string; readonly evidence?: string[]; readonly percentComplete?: number }
    | { readonly kind: 'RequestSignOff'; readonly summary: string; readonly evidence?: string[] }
    /** 销号; a re-check (回头看) is scheduled when the severity requires it, or on request. */
    | { readonly kind: 'SignOff'; readonly comment?: string; readonly recheck?: boolean; readonly recheckDueDate?: string }
    | { readonly kind: 'RejectSignOff'; readonly reasons: string[] }
    | { readonly kind: 'RequestExtension'; readonly reason: string; readonly requestedDueAt: string }
    /** Grants `workingDays` more (from the current due date, or now if later), or until `dueDate`, or else what was asked. */
    | {
        readonly kind: 'ApproveExtension';
        readonly extensionId: string;
        readonly workingDays?: number;
        readonly dueDate?: string;
        readonly comment?: string;
      }
    | { readonly kind: 'DenyExtension'; readonly extensionId: string; readonly reason: string }
    /** 回头看: `reopened` starts a new round with a computed deadline (or `dueDate`). */
    | {
        readonly kind: 'RecordRecheck';
        readonly outcome: RecheckOutcome;
        readonly notes: string;
        readonly evidence?: string[];
        readonly dueDate?: string;
      }
    | { readonly kind: 'Withdraw'; readonly reason: string }
    /** A file uploaded to the finding (inspector's or hospital's); steps then cite it by digest. */
    | ({ readonly kind: 'AttachEvidence' } & EvidenceUpload)
  );

/** A step of the finding's own, as `findingCommand` builds it (an attachment is built around its file). */
type FindingStep = Exclude<FindingRequestBody, { readonly kind: 'AttachEvidence' }>;

/** An extension request also answers the id of the extension it asked for; an attachment, its file. */
export type FindingAck = CommandReceipt & { readonly extensionId?: string; readonly file?: EvidenceAck['file'] };

/** The one message to the Finding aggregate (`finding-<id>`) from the API. */
export class FindingRequest extends Command<FindingAck> {
  constructor(
    readonly actor: Actor,
    readonly request: FindingRequestBody,
  ) {
    super();
  }
}

/**
 * The finding's application service: every request is one write to the finding's stream — scope
 * checked on the loaded state, the domain command built on that state (deadlines from the calendar
 * and policy in force), decided under that policy (CommandExecution).
 */
@CommandHandler(FindingRequest)
export class FindingRequestHandler implements ICommandHandler<FindingRequest> {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(InspectionAccess) private readonly scope: InspectionAccess,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
  ) {}

  async execute({ actor, request }: FindingRequest): Promise<FindingAck> {
    if (request.kind === 'AttachEvidence') return this.attach(actor, request);
    const step: FindingStep = request;
    let extensionId: string | undefined;
    const outcome = await this.commands.execute(actor, {
      ...FINDING_WRITE,
      id: request.findingId,
      authorize: this.scope.finding(actor, request.findingId),
      build: (state, ctx) => {
        if (request.kind === 'RequestExtension') extensionId = ctx.newId();
        return findingCommand(step, existingFinding(state, request.findingId), ctx, extensionId ?? '');
      },
    });
    return extensionId === undefined ? commandReceipt(outcome) : { ...commandReceipt(outcome), extensionId };
  }

  /** Attaches an upload: scope and the decider's rules first, the bytes kept only if they accept (evidence-attachment.ts). */
  private attach(actor: Actor, r: Extract<FindingRequestBody, { kind: 'AttachEvidence' }>): Promise<EvidenceAck> {
    return withPreparedEvidence(this.vault, r.staged, async (prepared) => {
      const outcome = await this.commands.execute(actor, {
        ...FINDING_WRITE,
        id: r.findingId,
        authorize: this.scope.finding(actor, r.findingId),
        build: (state) => ({
          type: 'AttachEvidence',
          data: {
            findingId: r.findingId,
            file: prepared.file,
            step: r.step ?? defaultFindingEvidenceStep(actor, existingFinding(state, r.findingId)),
            note: r.note ?? null,
          },
        }),
        beforeAppend: () => prepared.keep(),
      });
      return { ...commandReceipt(outcome), file: prepared.file };
    });
  }
}

/** The domain command a request asks for, on the finding as it is now. */
function findingCommand(
  r: FindingStep,
  state: ExistingFinding,
  ctx: CommandContext<InspectionPolicy>,
  newExtensionId: string,
): CommandBody<FindingCommand> {
  const { findingId } = r;
  switch (r.kind) {
    case 'IssueNotice':
      return {
        type: 'IssueRectificationNotice',
        data: {
          findingId,
          noticeNo: r.noticeNo ?? null,
          requirements: r.requirements ?? null,
          deadline: noticeDeadline(state, ctx, r.dueDate),
        },
      };
    case 'SubmitPlan':
      return {
        type: 'SubmitRectificationPlan',
        data: {
          findingId,
          measures: r.measures,
          responsibleDepartment: r.responsibleDepartment,
          responsiblePerson: r.responsiblePerson,
          plannedCompletion: r.plannedCompletion,
        },
      };
    case 'ReportProgress':
      return {
        type: 'ReportRectificationProgress',
        data: { findingId, summary: r.summary, evidence: r.evidence, percentComplete: r.percentComplete },
      };
    case 'RequestSignOff':
      return { type: 'RequestSignOff', data: { findingId, summary: r.summary, evidence: r.evidence } };
    case 'SignOff':
      return {
        type: 'SignOffFinding',
        data: { findingId, comment: r.comment ?? null, recheck: signOffRecheck(state, ctx, r.recheck, r.recheckDueDate) },
      };
    case 'RejectSignOff':
      return { type: 'RejectSignOff', data: { findingId, reasons: r.reasons } };
    case 'RequestExtension':
      return {
        type: 'RequestExtension',
        data: {
          findingId,
          extensionId: newExtensionId,
          reason: r.reason,
          requestedDueAt: parseDueInput(r.requestedDueAt, 'requestedDueAt', ctx.now),
        },
      };
    case 'ApproveExtension':
      return {
        type: 'ApproveExtension',
        data: { findingId, extensionId: r.extensionId, deadline: extensionDeadline(state, ctx, r), comment: r.comment ?? null },
      };
    case 'DenyExtension':
      return { type: 'DenyExtension', data: { findingId, extensionId: r.extensionId, reason: r.reason } };
    case 'RecordRecheck':
      return {
        type: 'RecordRecheck',
        data: {
          findingId,
          outcome: r.outcome,
          notes: r.notes,
          evidence: r.evidence ?? [],
          deadline: reopeningDeadline(state, ctx, r.outcome, r.dueDate),
        },
      };
    case 'Withdraw':
      return { type: 'WithdrawFinding', data: { findingId, reason: r.reason } };
    default:
      return assertNever(r, 'finding request');
  }
}
