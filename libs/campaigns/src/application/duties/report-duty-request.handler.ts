import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Actor, assertNever } from '@bihuan/core';
import { EVIDENCE_VAULT, EvidenceVault } from '@bihuan/evidence';
import { EvidenceAck, withPreparedEvidence } from '@bihuan/inspection';
import { CaseWrite, CommandExecution, CommandReceipt, commandReceipt, StagedFile } from '@bihuan/platform';
import { campaignError } from '../../domain/campaign-errors';
import { ReportingPolicy } from '../../domain/duty/report-duty-policy';
import { ReportDutyCommand, ReportDutyEvent } from '../../domain/duty/report-duty.messages';
import { ReportDutyState } from '../../domain/duty/report-duty.state';
import { REPORT_EVIDENCE_STEP } from '../../domain/duty/report-duty-values';
import { REPORT_DUTY_WRITE, ReportDutyAccess } from './report-duty-access';
import { returnWindow } from './report-duty-windows';

export type ReportDutyRequestBody =
  /** A file for the report (multipart, streamed to staging by the upload guard). */
  | { readonly kind: 'AttachEvidence'; readonly dutyId: string; readonly staged: StagedFile; readonly note?: string }
  /** 报送: the text, citing files attached before by digest. */
  | { readonly kind: 'Submit'; readonly dutyId: string; readonly text: string; readonly evidence?: readonly string[] }
  /** The issuing office accepts what was handed in. */
  | { readonly kind: 'Accept'; readonly dutyId: string; readonly comment?: string }
  /** The issuing office returns it with reasons: owed again. */
  | { readonly kind: 'Return'; readonly dutyId: string; readonly reason: string };

/** The one message to the ReportDuty aggregate (`reportDuty-<id>`) from the API. */
export class ReportDutyRequest extends Command<CommandReceipt | EvidenceAck> {
  constructor(
    readonly actor: Actor,
    readonly request: ReportDutyRequestBody,
  ) {
    super();
  }
}

type DutyWrite = CaseWrite<ReportDutyCommand, ReportDutyEvent, ReportDutyState, ReportingPolicy>;

/**
 * The duty's application service: each request is one write to the duty's stream, scope checked
 * on the loaded state (the duty's visibility; to review, the issuer rule over its issuing unit),
 * decided under the reporting policy in force. A return's next deadline is computed here with the
 * calendar, on the state it is decided on. Files are kept only once the decider accepted them.
 */
@CommandHandler(ReportDutyRequest)
export class ReportDutyRequestHandler implements ICommandHandler<ReportDutyRequest, CommandReceipt | EvidenceAck> {
  constructor(
    @Inject(CommandExecution) private readonly commands: CommandExecution,
    @Inject(ReportDutyAccess) private readonly duties: ReportDutyAccess,
    @Inject(EVIDENCE_VAULT) private readonly vault: EvidenceVault,
  ) {}

  async execute({ actor, request: r }: ReportDutyRequest): Promise<CommandReceipt | EvidenceAck> {
    const dutyId = r.dutyId;
    switch (r.kind) {
      case 'AttachEvidence':
        return withPreparedEvidence(this.vault, r.staged, async (prepared) => {
          const outcome = await this.write(actor, dutyId, {
            authorize: this.duties.reporter(actor, dutyId, 'attaching a file to a report'),
            build: () => ({
              type: 'AttachReportEvidence',
              data: { dutyId, file: prepared.file, step: REPORT_EVIDENCE_STEP, note: r.note ?? null },
            }),
            beforeAppend: () => prepared.keep(),
          });
          return { ...outcome, file: prepared.file };
        });
      case 'Submit':
        return this.write(actor, dutyId, {
          authorize: this.duties.reporter(actor, dutyId, 'handing in a report'),
          build: () => ({ type: 'SubmitReport', data: { dutyId, text: r.text, evidence: r.evidence ?? [] } }),
        });
      case 'Accept':
        return this.write(actor, dutyId, {
          authorize: this.duties.reviewer(actor, dutyId, 'accepting a report'),
          build: () => ({ type: 'AcceptReport', data: { dutyId, comment: r.comment ?? null } }),
        });
      case 'Return':
        return this.write(actor, dutyId, {
          authorize: this.duties.reviewer(actor, dutyId, 'returning a report'),
          build: (state, ctx) => {
            if (state.status === 'none') throw campaignError('DUTY_NOT_FOUND', `reporting duty ${dutyId} does not exist`);
            const deadline = returnWindow(ctx.calendar, ctx.policy, ctx.now, state.duty);
            return { type: 'ReturnReport', data: { dutyId, reason: r.reason, deadline } };
          },
        });
      default:
        return assertNever(r, 'report duty request');
    }
  }

  private async write(actor: Actor, id: string, step: Pick<DutyWrite, 'authorize' | 'build' | 'beforeAppend'>): Promise<CommandReceipt> {
    return commandReceipt(await this.commands.execute(actor, { ...REPORT_DUTY_WRITE, id, ...step }));
  }
}
