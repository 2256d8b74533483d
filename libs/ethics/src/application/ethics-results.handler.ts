import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AccessPolicy } from '@bihuan/auth';
import { Actor, assertNever, DomainError } from '@bihuan/core';
import { CommandExecution, POLICIES, PolicyRegistry } from '@bihuan/platform';
import { requireOwnInstitution, requireRole } from '../domain/ethics-rules';
import { ethicsError } from '../domain/ethics-errors';
import { applyExcellentCap, CappedResult } from '../domain/evaluation/ethics-grading';
import { ethicsEvaluationDecider, ETHICS_EVALUATION_CATEGORY } from '../domain/evaluation/ethics-evaluation.decider';
import { EthicsEvaluationState } from '../domain/evaluation/ethics-evaluation.state';
import { EthicsQueries } from '../read-models/ethics.queries';
import { evaluationWrite } from './ethics-evaluation.handler';
import { ETHICS_POLICY } from './ethics-writes';

/** What finalising an institution's year answers: the cap applied and every result. */
export interface FinalisedResults {
  readonly institutionId: string;
  readonly year: number;
  readonly capRatio: number;
  readonly results: readonly CappedResult[];
}

/**
 * CommandBus message: the year's results of an institution — every one of its evaluations of the
 * year at once (the 优秀 cap is over all of them), so it has a message of its own.
 */
export class EthicsResultsRequest extends Command<FinalisedResults> {
  constructor(
    readonly actor: Actor,
    readonly institutionId: string,
    readonly year: number,
    readonly action: { readonly kind: 'FinaliseEthicsResults' },
  ) {
    super();
  }
}

type Scored = Exclude<EthicsEvaluationState, { status: 'none' }>;

/**
 * Year end for one institution: every evaluation must be scored (or posted); the 优秀 cap is applied
 * over all of them (applyExcellentCap, per institution and year) and each is finalised with its
 * capped grade. Everything is checked before the first evaluation is finalised.
 */
@CommandHandler(EthicsResultsRequest)
export class EthicsResultsHandler implements ICommandHandler<EthicsResultsRequest, FinalisedResults> {
  constructor(
    private readonly execution: CommandExecution,
    private readonly queries: EthicsQueries,
    @Inject(POLICIES) private readonly policies: PolicyRegistry,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  async execute({ actor, institutionId, year, action }: EthicsResultsRequest): Promise<FinalisedResults> {
    if (action.kind !== 'FinaliseEthicsResults') return assertNever(action.kind, 'ethics results action');
    this.access.assertInScope(actor, institutionId, 'the ethics evaluations');
    requireRole(actor, ['hospital'], 'finalising the evaluations');
    requireOwnInstitution(actor, institutionId, 'finalising the evaluations');
    const policy = await this.policies.current(ETHICS_POLICY.context, ETHICS_POLICY.defaults);
    const rows = await this.queries.evaluations(institutionId, year);
    if (rows.length === 0) throw ethicsError('EVALUATION_NOT_FOUND', `no evaluations of ${institutionId} for ${year}`);
    const states = await Promise.all(
      rows.map((r) => this.execution.state(ethicsEvaluationDecider(), ETHICS_EVALUATION_CATEGORY, r.evaluationId)),
    );
    const pending = states.filter((s): boolean => s.status !== 'scored' && s.status !== 'posted' && s.status !== 'finalised');
    if (pending.length > 0) {
      const staff = pending.map((s) => (s.status === 'none' ? '?' : s.opened.staffId));
      throw new DomainError('ETHICS.EVALUATIONS_PENDING', `not yet scored by the institution: ${staff.join(', ')}`, 'rule', {
        staffIds: staff,
      });
    }
    const scored = states as Scored[];
    if (policy.publicPostingRequired && scored.some((s) => s.status === 'scored')) {
      throw ethicsError('POSTING_REQUIRED', 'the policy requires a public posting of every evaluation first');
    }
    const results = applyExcellentCap(
      scored.map((s) => ({ staffId: s.opened.staffId, finalScore: s.scored!.finalScore, provisionalGrade: s.scored!.provisionalGrade })),
      policy.excellentCapRatio,
      policy.excellentCapTies,
    );
    for (const [i, s] of scored.entries()) {
      if (s.status === 'finalised') continue;
      const r = results[i]!;
      await this.execution.execute(
        actor,
        evaluationWrite(s.opened.evaluationId, () => ({
          type: 'FinaliseEthicsEvaluation',
          data: { grade: r.grade, downgradedByCap: r.downgradedByCap },
        })),
      );
    }
    return { institutionId, year, capRatio: policy.excellentCapRatio, results };
  }
}
