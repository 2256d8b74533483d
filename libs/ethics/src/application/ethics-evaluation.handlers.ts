import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy, assertStaffOf, Jurisdiction, StaffDirectory } from '@bihuan/auth';
import { summariseEthicsArchive } from '../domain/archive/ethics-archive.state';
import { ethicsEvaluationStreamId } from '../domain/evaluation/ethics-evaluation.state';
import { EthicsEvaluationStepCommand, OpenEthicsEvaluationCommand, ScoreEthicsEvaluationCommand } from './ethics.commands';
import { EthicsCommandOutcome, EthicsCommandRunner } from './ethics-command-runner';

/**
 * Opens a staff member's evaluation for a year. Only the hospital of the staff member's own
 * institution: a staff member whose archive is at another institution is refused (403
 * AUTH.STAFF_OF_OTHER_INSTITUTION).
 */
@CommandHandler(OpenEthicsEvaluationCommand)
export class OpenEthicsEvaluationHandler implements ICommandHandler<OpenEthicsEvaluationCommand, EthicsCommandOutcome> {
  constructor(
    private readonly runner: EthicsCommandRunner,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(Jurisdiction) private readonly jurisdiction: Jurisdiction,
    @Inject(StaffDirectory) private readonly staff: StaffDirectory,
  ) {}

  async execute({ actor, data }: OpenEthicsEvaluationCommand): Promise<EthicsCommandOutcome> {
    this.jurisdiction.requireInstitution(data.institutionId, 'institutionId');
    this.access.assertInScope(actor, data.institutionId, 'the ethics evaluations');
    await assertStaffOf(this.staff, data.staffId, data.institutionId);
    const id = ethicsEvaluationStreamId(data.institutionId, data.year, data.staffId);
    return this.runner.evaluation(id, { type: 'OpenEthicsEvaluation', data }, actor);
  }
}

/** 自评, 科室评价, 公示: scope-checked, then decided by the evaluation's own rules (order, roles). */
@CommandHandler(EthicsEvaluationStepCommand)
export class EthicsEvaluationStepHandler implements ICommandHandler<EthicsEvaluationStepCommand, EthicsCommandOutcome> {
  constructor(private readonly runner: EthicsCommandRunner, @Inject(AccessPolicy) private readonly access: AccessPolicy) {}

  execute({ actor, institutionId, year, staffId, step }: EthicsEvaluationStepCommand): Promise<EthicsCommandOutcome> {
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    return this.runner.evaluation(ethicsEvaluationStreamId(institutionId, year, staffId), step as never, actor);
  }
}

/**
 * 单位评价: the year's reckoning is folded from the staff member's archive (summariseEthicsArchive;
 * an archive without records — or none at all — counts zero), so the score always rests on the log.
 */
@CommandHandler(ScoreEthicsEvaluationCommand)
export class ScoreEthicsEvaluationHandler implements ICommandHandler<ScoreEthicsEvaluationCommand, EthicsCommandOutcome> {
  constructor(private readonly runner: EthicsCommandRunner, @Inject(AccessPolicy) private readonly access: AccessPolicy) {}

  async execute({ actor, institutionId, year, staffId, data }: ScoreEthicsEvaluationCommand): Promise<EthicsCommandOutcome> {
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    const archive = summariseEthicsArchive(await this.runner.archiveState(staffId), year)
      ?? { staffId, institutionId, year, deductions: 0, additions: 0, vetoItems: [], recordIds: [] };
    return this.runner.evaluation(
      ethicsEvaluationStreamId(institutionId, year, staffId),
      { type: 'ScoreEthicsEvaluation', data: { ...data, archive } },
      actor,
    );
  }
}
