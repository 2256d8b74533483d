import { foldCaseFacts, SourceEvent } from './case-facts';
import { notificationsFor, NOTIFYING_EVENT_TYPES } from './notification-rules';

let seq = 0;
const stream = 'referral-r1';
const ev = (type: string, data: object): SourceEvent => ({
  type,
  data,
  streamName: stream,
  metadata: { eventId: `e-${++seq}`, occurredAt: '2025-03-08T00:00:00.000Z' },
});
const made = ev('ReferralMade', {
  referralId: 'r1',
  sourceStream: 'finding-f1',
  sourceCategory: 'finding',
  institutionId: 'h1',
  fromUnit: 'city-a',
  toUnit: 'police-a',
  agencyType: 'police',
  reason: '涉嫌张三医生倒卖处方',
});
const facts = foldCaseFacts([made]);
const agency = { kind: 'unitRole', unitId: 'police-a', role: 'partner' };
const office = { kind: 'unitRole', unitId: 'city-a', role: 'inspector' };

describe('referral notifications', () => {
  it('tells the agency of a new referral, linking its page and never quoting the reason', () => {
    const [n, ...rest] = notificationsFor(made, facts);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({
      kind: 'assignment',
      title: '移交协查：监督检查发现的问题',
      audience: [agency],
      link: '/cases/referrals/r1',
      stream,
    });
    expect(JSON.stringify(n)).not.toContain('张三');
  });

  it.each([
    [
      'DeadlineWarned',
      { deadlineId: 'agency-acknowledge', dueAt: '2025-03-12T15:59:59.999Z' },
      'deadlineWarning',
      [agency],
      '签收时限即将届满：移交的监督检查发现的问题',
    ],
    ['ReferralAcknowledged', { late: true }, 'statusChange', [office], '协同部门已签收：监督检查发现的问题'],
    [
      'ReferralOutcomeRecorded',
      { outcome: 'case-opened', text: '已立案，张三' },
      'request',
      [office],
      '协同部门已反馈：监督检查发现的问题',
    ],
  ])('given %s, then kind %s, to whom it concerns', (type, data, kind, audience, title) => {
    const [n] = notificationsFor(ev(type, data), facts);
    expect(n).toMatchObject({ kind, audience, title });
    expect(JSON.stringify(n)).not.toContain('张三');
  });

  it('says a late 签收 is late, and the warning names the day', () => {
    expect(notificationsFor(ev('ReferralAcknowledged', { late: true }), facts)[0]!.body).toContain('（逾期签收）');
    expect(notificationsFor(ev('DeadlineWarned', { dueAt: '2025-03-12T15:59:59.999Z' }), facts)[0]!.body).toContain('2025年3月12日');
  });

  it('is answered for the referral events it names; closing tells nobody (the office closed it itself)', () => {
    for (const type of ['ReferralMade', 'ReferralAcknowledged', 'ReferralOutcomeRecorded'])
      expect(NOTIFYING_EVENT_TYPES.has(type)).toBe(true);
    expect(notificationsFor(ev('ReferralClosed', { note: null }), facts)).toEqual([]);
  });
});
