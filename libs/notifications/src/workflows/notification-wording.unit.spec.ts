import { ESCALATION_RUNG_LABELS, findingDeadlineName } from '@bihuan/inspection';
import { complaintDeadlineName } from '@bihuan/complaints';
import { DUTY_ESCALATION_RUNG_LABELS, DUTY_WITHDRAW_REASON_LABELS, REPORT_KIND_LABELS, reportDutyDeadlineName } from '@bihuan/campaigns';
import { deadlineLabel, DUTY_RUNG_WORDS, DUTY_WITHDRAW_WORDS, REPORT_KIND_WORDS, RUNG_LABELS } from './notification-wording';

// The rules are pure and hold copies of the catalogues' words: these must not drift apart.
describe('notification wording', () => {
  it('uses the inspection catalogue’s escalation rung labels', () => {
    expect(RUNG_LABELS).toEqual(ESCALATION_RUNG_LABELS);
  });

  it.each(['rectify', 'recheck', 'escalation.summons', 'escalation.public-notice.r2', 'rectify.r3'])(
    'names finding deadline %s as the inspection summaries do',
    (id) => expect(deadlineLabel(id)).toBe(findingDeadlineName(id)),
  );

  it('uses the campaigns catalogue’s report kinds and overdue rungs', () => {
    expect(REPORT_KIND_WORDS).toEqual(REPORT_KIND_LABELS);
    expect(DUTY_RUNG_WORDS).toEqual(DUTY_ESCALATION_RUNG_LABELS);
    expect(DUTY_WITHDRAW_WORDS).toEqual(DUTY_WITHDRAW_REASON_LABELS);
  });

  it.each(['report.due', 'report.due.r3', 'report.resubmit.r2', 'report.escalation.overdue-reminder'])(
    'names reporting duty deadline %s as the campaigns summaries do',
    (id) => expect(deadlineLabel(id)).toBe(reportDutyDeadlineName(id)),
  );

  it.each(['acknowledge-1', 'answer-2', 'supervision-1'])('names ticket deadline %s as the complaints summaries do', (id) =>
    expect(deadlineLabel(id)).toBe(complaintDeadlineName(id)),
  );
});
