import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { Actor, assertNever } from '@bihuan/core';
import { CaseWrite, CommandExecution, CommandReceipt, RequestAction, commandReceipt } from '@bihuan/platform';
import { ETHICS_ARCHIVE_CATEGORY, ethicsArchiveDecider } from '../domain/archive/ethics-archive.decider';
import { EthicsArchiveSummary, summariseEthicsArchive } from '../domain/archive/ethics-archive.state';
import { EthicsPolicy } from '../domain/ethics-policy';
import {
  EthicsEvaluationCommand,
  OpenEthicsEvaluation,
  PostEthicsEvaluation,
  ReviewEthicsEvaluation,
  ScoreEthicsEvaluation,
  SubmitSelfEvaluation,
} from '../domain/evaluation/ethics-evaluation.commands';
import { ETHICS_EVALUATION_CATEGORY, ethicsEvaluationDecider } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsEvaluationEvent } from '../domain/evaluation/ethics-evaluation.events';
import { EthicsEvaluationState, ethicsEvaluationStreamId } from '../domain/evaluation/ethics-evaluation.state';
import { ETHICS_POLICY } from './ethics-writes';

/** Which evaluation: one staff member's, at one institution, for one year. */
export interface EvaluationKey {
  readonly institutionId: string;
  readonly year: number;
  readonly staffId: string;
}

/** The steps a hospital takes on an evaluation; 单位评价's archive reckoning is folded by the server. */
export type EthicsEvaluationAction =
  | RequestAction<'OpenEthicsEvaluation', Omit<OpenEthicsEvaluation['data'], keyof EvaluationKey>>
  | RequestAction<'SubmitSelfEvaluation', SubmitSelfEvaluation['data']>
  | RequestAction<'ReviewEthicsEvaluation', ReviewEthicsEvaluation['data']>
  | RequestAction<'ScoreEthicsEvaluation', Omit<ScoreEthicsEvaluation['data'], 'archive'>>
  | RequestAction<'PostEthicsEvaluation', PostEthicsEvaluation['data']>;

/** CommandBus message: one request to `ethicsEvaluation-<institutionId>.<year>.<staffId>`. */
export class EthicsEvaluationRequest extends Command<CommandReceipt> {
  constructor(
    readonly actor: Actor,
    readonly key: EvaluationKey,
    readonly action: EthicsEvaluationAction,
  ) {
    super();
  }
}

export type EvaluationWrite = CaseWrite<EthicsEvaluationCommand, EthicsEvaluationEvent, EthicsEvaluationState, EthicsPolicy>;

/** A write to one evaluation stream under the ethics policy in force (also the year-end finalising's). */
export function evaluationWrite(evaluationId: string, build: EvaluationWrite['build']): EvaluationWrite {
  return {
    category: ETHICS_EVALUATION_CATEGORY,
    id: evaluationId,
    decider: (policy: EthicsPolicy) => ethicsEvaluationDecider(policy),
    policy: ETHICS_POLICY,
    build,
  };
}

/**
 * One staff member's evaluation of a year. Every step is scoped by the institution; opening it is
 * for the hospital of the staff member's own institution only (a staff member whose archive is at
 * another institution → 403 AUTH.STAFF_OF_OTHER_INSTITUTION). 单位评价 is scored with the year's
 * reckoning folded from the staff member's archive (summariseEthicsArchive; an archive without
 * records — or none at all — counts zero), so the score always rests on the log. The evaluation's
 * own rules (order, roles) decide the rest.
 */
@CommandHandler(EthicsEvaluationRequest)
export class EthicsEvaluationHandler implements ICommandHandler<EthicsEvaluationRequest, CommandReceipt> {
  constructor(
    private readonly execution: CommandExecution,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, key, action }: EthicsEvaluationRequest): Promise<CommandReceipt> {
    return commandReceipt(await this.execution.execute(actor, await this.write(actor, key, action)));
  }

  private async write(actor: Actor, key: EvaluationKey, action: EthicsEvaluationAction): Promise<EvaluationWrite> {
    const { institutionId, year, staffId } = key;
    const id = ethicsEvaluationStreamId(institutionId, year, staffId);
    if (action.kind === 'OpenEthicsEvaluation') this.jurisdiction.requireInstitution(institutionId, 'institutionId');
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    switch (action.kind) {
      case 'OpenEthicsEvaluation':
        await assertStaffOf(this.staff, staffId, institutionId);
        return evaluationWrite(id, () => ({ type: action.kind, data: { ...action.data, ...key } }));
      case 'SubmitSelfEvaluation':
      case 'ReviewEthicsEvaluation':
      case 'PostEthicsEvaluation':
        return evaluationWrite(id, () => ({ type: action.kind, data: action.data }));
      case 'ScoreEthicsEvaluation': {
        const archive = await this.reckoning(key);
        return evaluationWrite(id, () => ({ type: action.kind, data: { ...action.data, archive } }));
      }
      default:
        return assertNever(action, 'ethics evaluation action');
    }
  }

  /** The year's reckoning of the staff member's archive, as its stream tells it now. */
  private async reckoning({ institutionId, year, staffId }: EvaluationKey): Promise<EthicsArchiveSummary> {
    const state = await this.execution.state(ethicsArchiveDecider(), ETHICS_ARCHIVE_CATEGORY, staffId);
    return (
      summariseEthicsArchive(state, year) ?? { staffId, institutionId, year, deductions: 0, additions: 0, vetoItems: [], recordIds: [] }
    );
  }
}
