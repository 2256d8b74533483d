import { ESCALATION_RUNG_LABELS, findingDeadlineName } from '@bihuan/inspection';
import { complaintDeadlineName } from '@bihuan/complaints';
import { deadlineLabel, RUNG_LABELS } from './notification-wording';

// The rules are pure and hold copies of the catalogues' words: these must not drift apart.
describe('notification wording', () => {
  it('uses the inspection catalogue’s escalation rung labels', () => {
    expect(RUNG_LABELS).toEqual(ESCALATION_RUNG_LABELS);
  });

  it.each(['rectify', 'recheck', 'escalation.summons', 'escalation.public-notice.r2', 'rectify.r3'])(
    'names finding deadline %s as the inspection summaries do',
    (id) => expect(deadlineLabel(id)).toBe(findingDeadlineName(id)),
  );

  it.each(['acknowledge-1', 'answer-2', 'supervision-1'])('names ticket deadline %s as the complaints summaries do', (id) =>
    expect(deadlineLabel(id)).toBe(complaintDeadlineName(id)),
  );
});
