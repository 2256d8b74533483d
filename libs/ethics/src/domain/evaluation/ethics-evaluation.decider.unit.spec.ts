import { DeciderSpecification } from '@bihuan/testing';
import { DEFAULT_ETHICS_POLICY } from '../ethics-policy';
import { command, hospitalOf, inspector, NOW, system } from '../../testing/ethics-test-fixtures';
import { EthicsArchiveSummary } from '../archive/ethics-archive.state';
import { EthicsEvaluationCommand } from './ethics-evaluation.commands';
import { ethicsEvaluationDecider } from './ethics-evaluation.decider';
import { EthicsEvaluationEvent } from './ethics-evaluation.events';
import { EthicsEvaluationState } from './ethics-evaluation.state';

const spec = DeciderSpecification<EthicsEvaluationCommand, EthicsEvaluationEvent, EthicsEvaluationState>(ethicsEvaluationDecider());
const evaluationId = 'H1.2025.S1';
const h1 = hospitalOf('H1');
const cmd = (type: EthicsEvaluationCommand['type'], data: object, actor = h1) =>
  command(type, data as never, actor) as EthicsEvaluationCommand;
const opened: EthicsEvaluationEvent = {
  type: 'EthicsEvaluationOpened',
  data: {
    evaluationId,
    institutionId: 'H1',
    year: 2025,
    staffId: 'S1',
    departmentId: 'D1',
    openedBy: 'user-H1',
    policyVersion: 'ethics-default@1',
  },
};
const self: EthicsEvaluationEvent = {
  type: 'SelfEvaluationSubmitted',
  data: { evaluationId, summary: 'did my best', selfScore: 95, submittedBy: 'user-H1', submittedAt: NOW },
};
const reviewed: EthicsEvaluationEvent = {
  type: 'EthicsEvaluationReviewed',
  data: { evaluationId, departmentScore: 92, comment: null, reviewedBy: 'user-H1', reviewedAt: NOW },
};
const archive = (over: Partial<EthicsArchiveSummary> = {}): EthicsArchiveSummary => ({
  staffId: 'S1',
  institutionId: 'H1',
  year: 2025,
  deductions: 0,
  additions: 0,
  vetoItems: [],
  recordIds: [],
  ...over,
});
const scoredWith = (over: Partial<EthicsArchiveSummary>, extra: object = {}) =>
  spec
    .given([opened, self, reviewed])
    .when(cmd('ScoreEthicsEvaluation', { archive: archive(over), ...extra }))
    .events();

describe('EthicsEvaluation decider', () => {
  it("opens for the own institution's hospital user (or the system) only", () => {
    spec
      .given([])
      .when(cmd('OpenEthicsEvaluation', { institutionId: 'H1', year: 2025, staffId: 'S1', departmentId: 'D1' }))
      .then([opened]);
    spec
      .given([])
      .when(cmd('OpenEthicsEvaluation', { institutionId: 'H1', year: 2025, staffId: 'S1' }, hospitalOf('H2')))
      .thenThrows('ETHICS.INSTITUTION_FORBIDDEN');
    spec
      .given([])
      .when(cmd('OpenEthicsEvaluation', { institutionId: 'H1', year: 2025, staffId: 'S1' }, inspector))
      .thenThrows('ETHICS.ROLE_FORBIDDEN');
  });

  it('runs the steps self → department → institution in order', () => {
    spec
      .given([opened])
      .when(cmd('ReviewEthicsEvaluation', { score: 90 }))
      .thenThrows('ETHICS.STEP_OUT_OF_ORDER');
    spec
      .given([opened])
      .when(cmd('SubmitSelfEvaluation', { summary: 'did my best', selfScore: 95 }))
      .then([self]);
    spec
      .given([opened, self])
      .when(cmd('ReviewEthicsEvaluation', { score: 92 }))
      .then([reviewed]);
    spec
      .given([opened, self])
      .when(cmd('ReviewEthicsEvaluation', { score: 92 }, hospitalOf('H2')))
      .thenThrows('ETHICS.INSTITUTION_FORBIDDEN');
    spec
      .given([opened, self])
      .when(cmd('ReviewEthicsEvaluation', { score: 120 }))
      .thenThrows('ETHICS.SCORE_OUT_OF_RANGE');
  });

  it("scores on the department's score and the archive summary, recording the policy version", () => {
    expect(scoredWith({})[0]!.data).toMatchObject({
      assessedScore: 92,
      finalScore: 92,
      provisionalGrade: 'excellent',
      policyVersion: 'ethics-default@1',
    });
    expect(scoredWith({ deductions: 10 })[0]!.data).toMatchObject({ finalScore: 82, provisionalGrade: 'good' });
    expect(scoredWith({ deductions: 30 })[0]!.data).toMatchObject({ provisionalGrade: 'poor' });
    expect(() => scoredWith({ staffId: 'S2' })).toThrow('archive summary');
  });

  it('forces 较差 on a veto item from the archive or declared by the institution', () => {
    expect(scoredWith({ vetoItems: ['medical-records-falsified'] })[0]!.data).toMatchObject({ provisionalGrade: 'poor' });
    expect(scoredWith({}, { assessedScore: 100, vetoItems: ['demanding-money-or-goods'] })[0]!.data).toMatchObject({
      provisionalGrade: 'poor',
      vetoItems: ['demanding-money-or-goods'],
    });
  });

  it('finalises the provisional grade, or 良好 for a capped 优秀, and nothing else', () => {
    const scored = scoredWith({});
    const given = [opened, self, reviewed, ...scored];
    expect(
      spec
        .given(given)
        .when(cmd('FinaliseEthicsEvaluation', { grade: 'excellent' }, system))
        .events()[0]!.data,
    ).toMatchObject({ grade: 'excellent', downgradedByCap: false, passesPeriodicAssessment: true });
    expect(
      spec
        .given(given)
        .when(cmd('FinaliseEthicsEvaluation', { grade: 'good' }))
        .events()[0]!.data,
    ).toMatchObject({ grade: 'good', downgradedByCap: true });
    spec
      .given(given)
      .when(cmd('FinaliseEthicsEvaluation', { grade: 'fair' }))
      .thenThrows('ETHICS.GRADE_MISMATCH');
    const poor = [opened, self, reviewed, ...scoredWith({ deductions: 40 })];
    const final = spec
      .given(poor)
      .when(cmd('FinaliseEthicsEvaluation', { grade: 'poor' }))
      .events();
    expect(final[0]!.data).toMatchObject({ passesPeriodicAssessment: false });
    spec
      .given([...poor, ...final])
      .when(cmd('FinaliseEthicsEvaluation', { grade: 'poor' }))
      .thenNothing();
    spec
      .given([...poor, ...final])
      .when(cmd('SubmitSelfEvaluation', { summary: 'x' }))
      .thenThrows('ETHICS.EVALUATION_FINALISED');
  });

  it('requires the public posting first when the policy says so', () => {
    const posting = DeciderSpecification(ethicsEvaluationDecider({ ...DEFAULT_ETHICS_POLICY, publicPostingRequired: true }));
    const given = [opened, self, reviewed, ...scoredWith({})];
    posting
      .given(given)
      .when(cmd('FinaliseEthicsEvaluation', { grade: 'excellent' }))
      .thenThrows('ETHICS.POSTING_REQUIRED');
    const posted = posting
      .given(given)
      .when(cmd('PostEthicsEvaluation', { from: '2025-12-21', until: '2025-12-28' }))
      .events();
    expect(
      posting
        .given([...given, ...posted])
        .when(cmd('FinaliseEthicsEvaluation', { grade: 'excellent' }))
        .events(),
    ).toHaveLength(1);
  });
});
