import { foldCaseFacts, SourceEvent } from './case-facts';
import { notificationsFor, NOTIFYING_EVENT_TYPES } from './notification-rules';

const at = '2025-03-08T00:00:00.000Z';
let seq = 0;
const stream = 'reportDuty-d1';
const ev = (type: string, data: object, eventId = `e-${++seq}`): SourceEvent => ({
  type,
  data,
  streamName: stream,
  metadata: { eventId, occurredAt: at },
});

const assigned = ev('ReportDutyAssigned', {
  dutyId: 'd1',
  campaignId: 'c1',
  campaignTitle: '医德医风专项行动',
  issuingUnitId: 'city-a',
  institutionId: 'h1',
  kind: 'implementation-plan',
  dueOn: '2025-03-07',
  opensOn: '2025-03-01',
  dueAt: '2025-03-07T15:59:59.999Z',
});
const facts = foldCaseFacts([assigned, ev('DeadlineSet', { deadlineId: 'report.due', purpose: 'report-due' })]);
const WHAT = '“医德医风专项行动”实施方案（2025年3月7日前）';
const hospital = { kind: 'unitRole', unitId: 'h1', role: 'hospital' };
const inspectors = { kind: 'unitRole', unitId: 'city-a', role: 'inspector' };
const leaders = { kind: 'unitRole', unitId: 'city-a', role: 'leader' };

describe('reporting duty notifications', () => {
  it('tells the institution of its duty, naming the campaign, the report and its due day, linking the duty', () => {
    const [n, ...rest] = notificationsFor(assigned, facts);
    expect(rest).toEqual([]);
    expect(n).toMatchObject({
      kind: 'assignment',
      title: `报送任务：${WHAT}`,
      body: `请于 2025年3月7日 前报送${WHAT}（2025年3月1日起可报送）。`,
      link: '/cases/report-duties/d1',
      stream,
      sourceEventId: assigned.metadata.eventId,
      audience: [hospital],
    });
  });

  it.each([
    [
      'DeadlineWarned',
      'deadlineWarning',
      { deadlineId: 'report.due', dueAt: '2025-03-07T15:59:59.999Z' },
      [hospital],
      '报送期限即将届满：',
    ],
    [
      'ReportDutyEscalated',
      'escalation',
      { rung: 'overdue-reminder', step: 1, dueAt: '2025-03-12T15:59:59.999Z' },
      [hospital, inspectors],
      '逾期未报送（逾期催报）：',
    ],
    [
      'ReportDutyEscalated',
      'escalation',
      { rung: 'supervision', step: 2, dueAt: null },
      [hospital, inspectors, leaders],
      '逾期未报送（督办）：',
    ],
    ['ReportSubmitted', 'request', { onTime: false, text: '正文里的张三医生' }, [inspectors], '报送材料待审核：'],
    ['ReportReturned', 'rejection', { reason: '缺少台账' }, [hospital], '报送材料被退回：'],
    ['ReportAccepted', 'approval', { onTime: true, comment: null }, [hospital], '报送材料已通过审核：'],
  ])('given %s, then kind %s, to whom it concerns', (type, kind, data, audience, title) => {
    const [n] = notificationsFor(ev(type, data), facts);
    expect(n).toMatchObject({ kind, audience, title: `${title}${WHAT}` });
    // The text handed in never travels in a notification.
    expect(JSON.stringify(n)).not.toContain('张三');
  });

  it('is answered for every event type it names', () => {
    const types = [
      'ReportDutyAssigned',
      'ReportDutyEscalated',
      'ReportSubmitted',
      'ReportReturned',
      'ReportAccepted',
      'ReportDutyWithdrawn',
    ];
    for (const type of types) expect(NOTIFYING_EVENT_TYPES.has(type)).toBe(true);
  });

  it('tells the institution that a withdrawn duty need not be handed in, and why', () => {
    const [n] = notificationsFor(ev('ReportDutyWithdrawn', { reason: 'campaign-closed' }), facts);
    expect(n).toMatchObject({ kind: 'statusChange', audience: [hospital], title: `报送任务已撤销：${WHAT}` });
    expect(n!.body).toBe(`${WHAT}无需再报送（专项行动已结束）。`);
  });

  describe('owed by a lower commission (ADR 0024)', () => {
    const countyAssigned = ev('ReportDutyAssigned', {
      ...(assigned.data as object),
      institutionId: 'county-a1',
      owingUnitKind: 'commission',
    });
    const countyFacts = foldCaseFacts([countyAssigned]);
    const countyInspectors = { kind: 'unitRole', unitId: 'county-a1', role: 'inspector' };

    it.each([
      ['ReportDutyAssigned', { dueAt: '2025-03-07T15:59:59.999Z', opensOn: '2025-03-01' }, [countyInspectors]],
      ['DeadlineWarned', { deadlineId: 'report.due', dueAt: '2025-03-07T15:59:59.999Z' }, [countyInspectors]],
      ['ReportDutyEscalated', { rung: 'overdue-reminder', step: 1, dueAt: null }, [countyInspectors, inspectors]],
      ['ReportReturned', { reason: '缺少台账' }, [countyInspectors]],
      ['ReportAccepted', { onTime: true, comment: null }, [countyInspectors]],
      ['ReportDutyWithdrawn', { reason: 'campaign-closed' }, [countyInspectors]],
    ])('given %s, tells the county commission’s inspectors, never a hospital role', (type, data, audience) => {
      const [n] = notificationsFor(ev(type, data), countyFacts);
      expect(n!.audience).toEqual(audience);
    });

    it('tells the issuing office that the lower commission handed it in', () => {
      const [n] = notificationsFor(ev('ReportSubmitted', { onTime: true }), countyFacts);
      expect(n).toMatchObject({ audience: [inspectors], body: `下级卫生健康行政部门已报送${WHAT}，请审核。` });
    });
  });
});
