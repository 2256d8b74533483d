import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@bihuan/auth';
import { Actor, assertNever, ID_GENERATOR, IdGenerator } from '@bihuan/core';
import { CaseWrite, commandReceipt, CommandExecution, CommandReceipt, RequestAction } from '@bihuan/platform';
import { CreditPolicy } from '../domain/credit-policy';
import { CreditCheckPurpose, CreditSubjectKind } from '../domain/credit-values';
import { checkSummary, creditCheckView, CreditCheckView } from '../domain/subject/credit-check.result';
import { creditSubjectDecider } from '../domain/subject/credit-subject.decider';
import { CREDIT_SUBJECT_CATEGORY, CreditSubjectCommand, CreditSubjectEvent } from '../domain/subject/credit-subject.messages';
import { CreditSubjectState } from '../domain/subject/credit-subject.state';
import { ApplicantCreditQueries } from '../read-models/applicant-credit.queries';
import { ApplicantIdentifiers, ApplicantInput, IdentifiedApplicant } from './applicant-identifiers';
import { CREDIT_POLICY } from './credit-writes';

/** What an office asks about an applicant, who is named by the identifier they gave (validated, then never kept in clear). */
export type CreditSubjectAction =
  | RequestAction<'CheckApplicantCredit', ApplicantInput & { readonly purpose: CreditCheckPurpose; readonly applicationRef: string }>
  | RequestAction<
      'ReportFalseMaterial',
      ApplicantInput & {
        readonly purpose: CreditCheckPurpose;
        readonly applicationRef: string;
        readonly description: string;
        readonly occurredAt: string;
        readonly findingId?: string;
      }
    >;

/** What POST /credit/checks answers: the check on the record, and its result as the checker's role may see it. */
export interface CreditCheckAnswer extends CreditCheckView {
  readonly checkId: string;
  readonly stream: string;
  readonly position: number | null;
  readonly subjectKind: CreditSubjectKind;
  /** An organisation's code; a person's ID number masked (first 4 and last 4 digits). */
  readonly identifier: string;
  readonly purpose: CreditCheckPurpose;
  readonly applicationRef: string;
  readonly institutionId: string | null;
  readonly checkedAt: string;
}

/** CommandBus message: one request about an applicant's credit `creditSubject-<subjectKey>`. */
export class CreditSubjectRequest extends Command<CreditCheckAnswer | CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly action: CreditSubjectAction,
  ) {
    super();
  }
}

type SubjectWrite = CaseWrite<CreditSubjectCommand, CreditSubjectEvent, CreditSubjectState, CreditPolicy>;

/**
 * 准入信用核查's application service (ADR 0019): the approving office only (AccessPolicy); the
 * identifier is validated and turned into the subject's key (a person's by the keyed lookup, their
 * number sealed for their first record); a check reads the applicant's records — the
 * institution's when the directory already has one with that code — and is decided with its
 * result as of the command's `now` under the policy in force.
 */
@CommandHandler(CreditSubjectRequest)
export class CreditSubjectHandler implements ICommandHandler<CreditSubjectRequest, CreditCheckAnswer | CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    private readonly queries: ApplicantCreditQueries,
    private readonly identifiers: ApplicantIdentifiers,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute({ actor, action }: CreditSubjectRequest): Promise<CreditCheckAnswer | CommandReceipt> {
    this.access.assertChecksApplicantCredit(actor, action.kind === 'CheckApplicantCredit' ? 'A credit check' : 'Recording false material');
    const applicant = await this.identifiers.identify(action.data);
    switch (action.kind) {
      case 'CheckApplicantCredit':
        return this.check(actor, applicant, action.data);
      case 'ReportFalseMaterial': {
        const { purpose, applicationRef, description, occurredAt } = action.data;
        const findingId = action.data.findingId ?? this.ids.next();
        const outcome = await this.execution.execute(
          actor,
          this.write(applicant, () => ({
            type: 'ReportFalseMaterial',
            data: { ...applicant.command, findingId, purpose, applicationRef, description, occurredAt },
          })),
        );
        return commandReceipt(outcome);
      }
      default:
        return assertNever(action, 'credit subject action');
    }
  }

  private async check(
    actor: Actor,
    applicant: IdentifiedApplicant,
    data: Extract<CreditSubjectAction, { kind: 'CheckApplicantCredit' }>['data'],
  ): Promise<CreditCheckAnswer> {
    const { institutionId, record } = await this.queries.recordOf(applicant.command.subjectKey, applicant.command.subject);
    const checkId = this.ids.next();
    let shown: { view: CreditCheckView; now: string } | null = null;
    const outcome = await this.execution.execute(
      actor,
      this.write(applicant, (_state, { now, policy }) => {
        const view = creditCheckView(actor.role, record, now, policy);
        shown = { view, now };
        const { purpose, applicationRef } = data;
        return {
          type: 'CheckApplicantCredit',
          data: { ...applicant.command, checkId, purpose, applicationRef, institutionId, result: checkSummary(view) },
        };
      }),
    );
    const { view, now } = shown!;
    return {
      checkId,
      stream: outcome.stream,
      position: outcome.position,
      subjectKind: applicant.command.subject.kind,
      identifier: applicant.shown,
      purpose: data.purpose,
      applicationRef: data.applicationRef.trim(),
      institutionId,
      checkedAt: now,
      ...view,
    };
  }

  private write(applicant: IdentifiedApplicant, build: SubjectWrite['build']): SubjectWrite {
    return {
      category: CREDIT_SUBJECT_CATEGORY,
      id: applicant.command.subjectKey,
      decider: (policy: CreditPolicy) => creditSubjectDecider(policy),
      policy: CREDIT_POLICY,
      build,
    };
  }
}
