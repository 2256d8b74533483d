import { Actor, assertNever, Decider } from '@bihuan/core';
import { ethicsError } from '../ethics-errors';
import { DEFAULT_ETHICS_POLICY, EthicsPolicy } from '../ethics-policy';
import { optionalText, requireIsoDate, requireNumber, requireOwnInstitution, requireRole, requireText } from '../ethics-rules';
import { isEthicsGrade, isVetoItem, VetoItem } from '../ethics-values';
import { EthicsEvaluationCommand, OpenEthicsEvaluation, ScoreEthicsEvaluation } from './ethics-evaluation.commands';
import { EthicsEvaluationEvent } from './ethics-evaluation.events';
import {
  EthicsEvaluationState,
  EthicsEvaluationStatus,
  ethicsEvaluationStreamId,
  evolveEthicsEvaluation,
  EvaluationFacts,
  initialEthicsEvaluationState,
} from './ethics-evaluation.state';
import { gradeEthics } from './ethics-grading';

/** Stream category: `ethicsEvaluation-<institutionId>.<year>.<staffId>`. */
export const ETHICS_EVALUATION_CATEGORY = 'ethicsEvaluation';

type Existing = Extract<EthicsEvaluationState, EvaluationFacts>;

function requireStep(state: Existing, expected: readonly EthicsEvaluationStatus[], step: string): void {
  if (!expected.includes(state.status)) {
    throw ethicsError('STEP_OUT_OF_ORDER', `${step} follows ${expected.join(' or ')}, the evaluation is ${state.status}`);
  }
}

function open(command: OpenEthicsEvaluation, policy: EthicsPolicy): EthicsEvaluationEvent[] {
  const { data, metadata } = command;
  const institutionId = requireText(data.institutionId, 'institutionId');
  const staffId = requireText(data.staffId, 'staffId');
  const year = data.year;
  if (!Number.isInteger(year) || year < 2000 || year > 2200)
    throw ethicsError('YEAR_INVALID', 'year must be a calendar year', { field: 'year' });
  return [
    {
      type: 'EthicsEvaluationOpened',
      data: {
        evaluationId: ethicsEvaluationStreamId(institutionId, year, staffId),
        institutionId,
        year,
        staffId,
        departmentId: optionalText(data.departmentId, 'departmentId'),
        openedBy: metadata.actor.id,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

function score(command: ScoreEthicsEvaluation, state: Existing, policy: EthicsPolicy): EthicsEvaluationEvent[] {
  const { data, metadata } = command;
  const o = state.opened;
  const archive = data.archive;
  if (!archive || archive.staffId !== o.staffId || archive.institutionId !== o.institutionId || archive.year !== o.year) {
    throw ethicsError('ARCHIVE_SUMMARY_MISMATCH', `the archive summary must be ${o.staffId}'s at ${o.institutionId} for ${o.year}`, {
      field: 'archive',
    });
  }
  const declared = (data.vetoItems ?? []).map((v) => {
    if (!isVetoItem(v)) throw ethicsError('VETO_ITEM_UNKNOWN', `unknown veto item "${String(v)}"`, { field: 'vetoItems' });
    return v;
  });
  const vetoItems: VetoItem[] = [...new Set([...archive.vetoItems, ...declared])];
  const assessedScore =
    data.assessedScore == null
      ? state.review!.departmentScore
      : requireNumber(data.assessedScore, 'assessedScore', 0, 100, 'SCORE_OUT_OF_RANGE');
  const graded = gradeEthics({ assessedScore, deductions: archive.deductions, additions: archive.additions, vetoItems }, policy);
  return [
    {
      type: 'EthicsEvaluationScored',
      data: {
        evaluationId: o.evaluationId,
        assessedScore,
        deductions: archive.deductions,
        additions: archive.additions,
        bonus: graded.bonus,
        finalScore: graded.finalScore,
        vetoItems,
        provisionalGrade: graded.grade,
        reason: graded.reason,
        archiveRecordIds: [...archive.recordIds],
        comment: optionalText(data.comment, 'comment'),
        scoredBy: metadata.actor.id,
        scoredAt: metadata.now,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

function finalise(
  command: Extract<EthicsEvaluationCommand, { type: 'FinaliseEthicsEvaluation' }>,
  state: Existing,
  policy: EthicsPolicy,
): EthicsEvaluationEvent[] {
  const scored = state.scored!;
  const grade = command.data.grade;
  if (!isEthicsGrade(grade)) throw ethicsError('GRADE_UNKNOWN', `unknown grade "${String(grade)}"`, { field: 'grade' });
  const capped = scored.provisionalGrade === 'excellent' && grade === 'good';
  if (grade !== scored.provisionalGrade && !capped) {
    throw ethicsError(
      'GRADE_MISMATCH',
      `the final grade is the provisional ${scored.provisionalGrade}, or good when the cap on excellent grades applies`,
      { field: 'grade' },
    );
  }
  const o = state.opened;
  return [
    {
      type: 'EthicsEvaluationFinalised',
      data: {
        evaluationId: o.evaluationId,
        institutionId: o.institutionId,
        year: o.year,
        staffId: o.staffId,
        grade,
        provisionalGrade: scored.provisionalGrade,
        finalScore: scored.finalScore,
        downgradedByCap: capped,
        passesPeriodicAssessment: !policy.failsPeriodicAssessment.includes(grade),
        finalisedBy: command.metadata.actor.id,
        finalisedAt: command.metadata.now,
        policyVersion: policy.policyVersion,
      },
    },
  ];
}

function authorise(actor: Actor, institutionId: string, action: string, alsoSystem: boolean): void {
  requireRole(actor, alsoSystem ? ['hospital', 'system'] : ['hospital'], action);
  requireOwnInstitution(actor, institutionId, action);
}

/** Evaluation rules: steps in order, hospital users of the staff member's own institution only. */
export function decideEthicsEvaluation(
  command: EthicsEvaluationCommand,
  state: EthicsEvaluationState,
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): EthicsEvaluationEvent[] {
  const { actor, now } = command.metadata;
  if (command.type === 'WarnDeadline' || command.type === 'ExpireDeadline') return [];
  if (command.type === 'OpenEthicsEvaluation') {
    authorise(actor, command.data.institutionId, 'opening an evaluation', true);
    if (state.status !== 'none') throw ethicsError('EVALUATION_ALREADY_EXISTS', 'the evaluation is already open');
    return open(command, policy);
  }
  if (state.status === 'none') throw ethicsError('EVALUATION_NOT_FOUND', 'no such evaluation');
  const id = state.opened.evaluationId;
  authorise(actor, state.opened.institutionId, command.type, command.type === 'FinaliseEthicsEvaluation');
  if (state.status === 'finalised') {
    if (command.type === 'FinaliseEthicsEvaluation' && command.data.grade === state.final!.grade) return [];
    throw ethicsError('EVALUATION_FINALISED', 'the evaluation is final');
  }
  switch (command.type) {
    case 'SubmitSelfEvaluation': {
      requireStep(state, ['opened'], 'self-evaluation');
      const selfScore =
        command.data.selfScore == null ? null : requireNumber(command.data.selfScore, 'selfScore', 0, 100, 'SCORE_OUT_OF_RANGE');
      return [
        {
          type: 'SelfEvaluationSubmitted',
          data: {
            evaluationId: id,
            summary: requireText(command.data.summary, 'summary'),
            selfScore,
            submittedBy: actor.id,
            submittedAt: now,
          },
        },
      ];
    }
    case 'ReviewEthicsEvaluation': {
      requireStep(state, ['selfSubmitted'], 'department review');
      const departmentScore = requireNumber(command.data.score, 'score', 0, 100, 'SCORE_OUT_OF_RANGE');
      return [
        {
          type: 'EthicsEvaluationReviewed',
          data: {
            evaluationId: id,
            departmentScore,
            comment: optionalText(command.data.comment, 'comment'),
            reviewedBy: actor.id,
            reviewedAt: now,
          },
        },
      ];
    }
    case 'ScoreEthicsEvaluation':
      requireStep(state, ['departmentReviewed'], 'institution scoring');
      return score(command, state, policy);
    case 'PostEthicsEvaluation': {
      requireStep(state, ['scored'], 'public posting');
      const from = requireIsoDate(command.data.from, 'from');
      const until = requireIsoDate(command.data.until, 'until');
      return [{ type: 'EthicsEvaluationPosted', data: { evaluationId: id, from, until, postedBy: actor.id } }];
    }
    case 'FinaliseEthicsEvaluation':
      if (policy.publicPostingRequired && state.status === 'scored')
        throw ethicsError('POSTING_REQUIRED', 'the policy requires a public posting first');
      requireStep(state, ['scored', 'posted'], 'finalising');
      return finalise(command, state, policy);
    default:
      return assertNever(command, 'ethics evaluation command');
  }
}

export function ethicsEvaluationDecider(
  policy: EthicsPolicy = DEFAULT_ETHICS_POLICY,
): Decider<EthicsEvaluationCommand, EthicsEvaluationEvent, EthicsEvaluationState> {
  return {
    initialState: initialEthicsEvaluationState,
    evolve: evolveEthicsEvaluation,
    decide: (command, state) => decideEthicsEvaluation(command, state, policy),
  };
}
