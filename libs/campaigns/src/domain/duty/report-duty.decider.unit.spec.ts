import { fold, SYSTEM_ACTOR } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { reportDutyDecider } from './report-duty.decider';
import {
  AcceptReport,
  AttachReportEvidence,
  ExpireReportDeadline,
  ReturnReport,
  SubmitReport,
  WarnReportDeadline,
  WithdrawReportDuty,
} from './report-duty.messages';
import { ASSIGNED_AT, assign, cmd, DUE_AT, FILE, history, hospital, inspector, otherHospital, window } from './report-duty.fixtures';

const spec = DeciderSpecification(reportDutyDecider);
const ON_TIME = '2025-03-06T03:00:00.000Z';
const LATE = '2025-03-10T03:00:00.000Z';
const attach = (actor = hospital, now = ON_TIME) =>
  cmd<AttachReportEvidence>('AttachReportEvidence', { dutyId: 'duty-1', file: FILE, step: 'report', note: null }, actor, now);
const submit = (now = ON_TIME, evidence: string[] = [FILE.digest], actor = hospital) =>
  cmd<SubmitReport>('SubmitReport', { dutyId: 'duty-1', text: '实施方案已制定', evidence }, actor, now);
const accept = (now = '2025-03-11T03:00:00.000Z') =>
  cmd<AcceptReport>('AcceptReport', { dutyId: 'duty-1', comment: '同意' }, inspector, now);
const giveBack = (now: string, deadline = window(DUE_AT, now)) =>
  cmd<ReturnReport>('ReturnReport', { dutyId: 'duty-1', reason: '缺少自查台账', deadline }, inspector, now);
const expire = (deadlineId: string, dueAt: string, next?: ReturnType<typeof window>) =>
  cmd<ExpireReportDeadline>('ExpireDeadline', { deadlineId, dueAt, ...(next ? { next } : {}) }, SYSTEM_ACTOR, dueAt);
const RUNG_DUE = '2025-03-13T15:59:59.999Z';

describe('ReportDuty decider — assignment and withdrawal', () => {
  it('assigns with the due deadline named report.due, stamped with the policy version; again changes nothing', () => {
    const events = spec.given([]).when(assign()).events();
    expect(events.map((e) => e.type)).toEqual(['ReportDutyAssigned', 'DeadlineSet']);
    expect(events[0]!.data).toMatchObject({ dutyId: 'duty-1', round: 1, dueAt: DUE_AT, assignedAt: ASSIGNED_AT });
    expect(events[1]!.data).toMatchObject({
      deadlineId: 'report.due',
      purpose: 'report-due',
      dueAt: DUE_AT,
      policy: { policyVersion: 'default@1' },
    });
    spec
      .given(history([assign()]))
      .when(assign())
      .thenNothing();
  });

  it('assigns without a deadline when the due instant has passed already, and refuses anyone but the system', () => {
    expect(
      spec
        .given([])
        .when(assign({ deadline: null }))
        .events(),
    ).toMatchObject([{ type: 'ReportDutyAssigned' }]);
    spec
      .given([])
      .when(cmd('AssignReportDuty', assign().data, inspector, ASSIGNED_AT))
      .thenThrows('CAMPAIGN.ROLE_FORBIDDEN');
    spec
      .given([])
      .when(assign({ dueAt: undefined }))
      .thenThrows('CAMPAIGN.DUTY_DEADLINE_REQUIRED');
  });

  it('withdraws a duty still owed (cancelling its deadline), never one handed in; a withdrawn duty can be assigned again', () => {
    const withdraw = cmd<WithdrawReportDuty>(
      'WithdrawReportDuty',
      { dutyId: 'duty-1', reason: 'no-longer-required' },
      SYSTEM_ACTOR,
      ON_TIME,
    );
    expect(
      spec
        .given(history([assign()]))
        .when(withdraw)
        .events(),
    ).toEqual([
      {
        type: 'ReportDutyWithdrawn',
        data: { dutyId: 'duty-1', institutionId: 'inst-1', reason: 'no-longer-required', withdrawnAt: ON_TIME },
      },
      { type: 'DeadlineCleared', data: { deadlineId: 'report.due', clearedAt: ON_TIME, outcome: 'cancelled' } },
    ]);
    spec
      .given(history([assign(), attach(), submit()]))
      .when(withdraw)
      .thenNothing();
    expect(
      spec
        .given(history([assign(), withdraw]))
        .when(assign({}, ON_TIME))
        .events(),
    ).toMatchObject([
      { type: 'ReportDutyAssigned', data: { round: 2 } },
      { type: 'DeadlineSet', data: { deadlineId: 'report.due.r2' } },
    ]);
  });
});

describe('ReportDuty decider — handing in and review', () => {
  it('takes the report from its own hospital with files attached to the duty: on time, its deadline met', () => {
    const events = spec
      .given(history([assign(), attach()]))
      .when(submit())
      .events();
    expect(events).toEqual([
      {
        type: 'ReportSubmitted',
        data: expect.objectContaining({
          round: 1,
          evidence: [FILE.digest],
          submittedBy: 'u-hosp-1',
          submittedAt: ON_TIME,
          dueAt: DUE_AT,
          onTime: true,
        }),
      },
      { type: 'DeadlineCleared', data: { deadlineId: 'report.due', clearedAt: ON_TIME, outcome: 'met' } },
    ]);
  });

  it('refuses another hospital, a file not attached, a report before its period opens, and a second hand-in', () => {
    spec
      .given(history([assign()]))
      .when(submit(ON_TIME, [], otherHospital))
      .thenThrows('CAMPAIGN.DUTY_INSTITUTION_FORBIDDEN');
    spec
      .given(history([assign()]))
      .when(attach(otherHospital))
      .thenThrows('CAMPAIGN.DUTY_INSTITUTION_FORBIDDEN');
    spec
      .given(history([assign()]))
      .when(submit())
      .thenThrows('CAMPAIGN.DUTY_EVIDENCE_UNKNOWN');
    spec
      .given(history([assign({ opensOn: '2025-03-08' })]))
      .when(submit(ON_TIME, []))
      .thenThrows('CAMPAIGN.DUTY_NOT_OPEN');
    spec
      .given(history([assign(), attach(), submit()]))
      .when(submit())
      .thenThrows('CAMPAIGN.DUTY_ALREADY_SUBMITTED');
    spec
      .given(history([assign()]))
      .when(accept())
      .thenThrows('CAMPAIGN.DUTY_NOT_SUBMITTED');
  });

  it('accepts what was handed in, once; a hospital may not review', () => {
    const done = history([assign(), attach(), submit()]);
    expect(spec.given(done).when(accept()).events()).toMatchObject([
      { type: 'ReportAccepted', data: { round: 1, comment: '同意', acceptedBy: 'u-insp-1', onTime: true } },
    ]);
    spec
      .given(done)
      .when(cmd<AcceptReport>('AcceptReport', { dutyId: 'duty-1' }, hospital, LATE))
      .thenThrows('CAMPAIGN.ROLE_FORBIDDEN');
    spec
      .given(history([assign(), attach(), submit(), accept()]))
      .when(accept())
      .thenThrows('CAMPAIGN.DUTY_ALREADY_ACCEPTED');
  });

  it('returns with reasons: before the due instant the due deadline runs again; after it, a resubmission deadline', () => {
    const done = history([assign(), attach(), submit()]);
    expect(spec.given(done).when(giveBack(ON_TIME)).events()).toMatchObject([
      { type: 'ReportReturned', data: { round: 1, reason: '缺少自查台账' } },
      { type: 'DeadlineSet', data: { deadlineId: 'report.due.r2', purpose: 'report-due', dueAt: DUE_AT } },
    ]);
    spec
      .given(done)
      .when(giveBack(ON_TIME, window(RUNG_DUE, ON_TIME)))
      .thenThrows('CAMPAIGN.DUTY_DEADLINE_INVALID');
    expect(
      spec
        .given(done)
        .when(giveBack(LATE, window(RUNG_DUE, LATE)))
        .events(),
    ).toMatchObject([
      { type: 'ReportReturned' },
      { type: 'DeadlineSet', data: { deadlineId: 'report.resubmit.r2', purpose: 'report-resubmit' } },
    ]);
    // Handed in again after the due instant: late.
    expect(
      spec
        .given(history([assign(), attach(), submit(), giveBack(LATE, window(RUNG_DUE, LATE))]))
        .when(submit('2025-03-11T03:00:00.000Z'))
        .events(),
    ).toMatchObject([
      { type: 'ReportSubmitted', data: { round: 2, onTime: false } },
      { type: 'DeadlineCleared', data: { deadlineId: 'report.resubmit.r2' } },
    ]);
  });
});

describe('ReportDuty decider — the clock', () => {
  it('reminds while the report is owed; a late or duplicate reminder is nothing', () => {
    const warnAt = '2025-03-05T16:00:00.000Z';
    const warned = history([assign({ deadline: window(DUE_AT, ASSIGNED_AT, [warnAt]) })]);
    const warn = cmd<WarnReportDeadline>('WarnDeadline', { deadlineId: 'report.due', warnAt, dueAt: DUE_AT }, SYSTEM_ACTOR, warnAt);
    expect(spec.given(warned).when(warn).events()).toMatchObject([{ type: 'DeadlineWarned' }]);
    spec
      .given([...warned, { type: 'DeadlineWarned', data: { deadlineId: 'report.due', warnAt, dueAt: DUE_AT } }])
      .when(warn)
      .thenNothing();
  });

  it('climbs 逾期催报 (its deadline from data.next) then 督办 (terminal); then only the expiry', () => {
    const rung1 = spec
      .given(history([assign()]))
      .when(expire('report.due', DUE_AT, window(RUNG_DUE, DUE_AT)))
      .events();
    expect(rung1).toMatchObject([
      { type: 'DeadlineExpired', data: { deadlineId: 'report.due' } },
      {
        type: 'ReportDutyEscalated',
        data: {
          rung: 'overdue-reminder',
          step: 1,
          deadlineId: 'report.escalation.overdue-reminder',
          dueAt: RUNG_DUE,
          issuingUnitId: 'county-1',
        },
      },
      { type: 'DeadlineSet', data: { deadlineId: 'report.escalation.overdue-reminder', purpose: 'escalation-overdue-reminder' } },
    ]);
    const escalated = [...history([assign()]), ...rung1];
    expect(spec.given(escalated).when(expire('report.escalation.overdue-reminder', RUNG_DUE)).events()).toMatchObject([
      { type: 'DeadlineExpired' },
      { type: 'ReportDutyEscalated', data: { rung: 'supervision', step: 2, deadlineId: null, dueAt: null } },
    ]);
    spec
      .given(history([assign()]))
      .when(expire('report.due', DUE_AT))
      .thenThrows('CAMPAIGN.DUTY_DEADLINE_REQUIRED');
    spec
      .given(history([assign()]))
      .when(expire('report.due', '2025-03-08T15:59:59.999Z'))
      .thenNothing();
  });

  it('does not escalate a report handed in: its deadlines were met', () => {
    spec
      .given(history([assign(), attach(), submit()]))
      .when(expire('report.due', DUE_AT, window(RUNG_DUE, DUE_AT)))
      .thenNothing();
  });
});

describe('ReportDuty decider — a duty a lower commission owes (ADR 0024)', () => {
  const countyInspector = { id: 'u-insp-c1', role: 'inspector' as const, unit: 'county-1' };
  const owedByCounty = () => assign({ institutionId: 'county-1', owingUnitKind: 'commission', issuingUnitId: 'city-1' });

  it('records whose it is, and takes the report from that commission', () => {
    const events = spec
      .given(history([owedByCounty(), attach(countyInspector)]))
      .when(submit(ON_TIME, [FILE.digest], countyInspector))
      .events();
    expect(events[0]).toEqual({
      type: 'ReportSubmitted',
      data: expect.objectContaining({ institutionId: 'county-1', submittedBy: 'u-insp-c1', onTime: true }),
    });
  });

  it('refuses a hospital’s hand-in or file for it: it is the commission’s', () => {
    spec
      .given(history([owedByCounty()]))
      .when(submit(ON_TIME, [], hospital))
      .thenThrows('CAMPAIGN.DUTY_INSTITUTION_FORBIDDEN');
    spec
      .given(history([owedByCounty()]))
      .when(attach(hospital))
      .thenThrows('CAMPAIGN.DUTY_INSTITUTION_FORBIDDEN');
  });

  it('folds a duty assigned before commissions could owe reports as an institution’s', () => {
    const [assigned] = history([assign()]);
    const legacy = { ...assigned!, data: { ...(assigned!.data as object) } } as typeof assigned;
    delete (legacy!.data as { owingUnitKind?: string }).owingUnitKind;
    const state = fold(reportDutyDecider, [legacy!]);
    expect(state.status !== 'none' && state.duty.owingUnitKind).toBe('institution');
    const county = fold(reportDutyDecider, history([owedByCounty()]));
    expect(county.status !== 'none' && county.duty.owingUnitKind).toBe('commission');
  });
});
