import { CaseFacts, foldCaseFacts, SourceEvent } from './case-facts';
import { notificationId } from './notification-intent';
import { notificationsFor } from './notification-rules';

const at = '2026-03-02T01:00:00.000Z';
let seq = 0;
const ev = (streamName: string, type: string, data: object, eventId = `e-${++seq}`): SourceEvent => ({
  type,
  data,
  streamName,
  metadata: { eventId, occurredAt: at },
});

const finding = 'finding-f1';
const findingHistory = [
  ev('visit-v1', 'VisitPlanned', { visitId: 'v1', institutionId: 'h1', inspectorIds: ['insp-a', 'insp-b'] }),
  ev(finding, 'FindingOpened', { findingId: 'f1', visitId: 'v1', institutionId: 'h1', description: '门诊处方点评不规范' }),
  ev(finding, 'DeadlineSet', { deadlineId: 'rectify', purpose: 'rectify', dueAt: '2026-03-20T16:00:00.000Z' }),
  ev(finding, 'DeadlineSet', { deadlineId: 'recheck', purpose: 'recheck', dueAt: '2026-06-20T16:00:00.000Z' }),
];
const findingFacts = foldCaseFacts(findingHistory);

describe('finding notifications', () => {
  it('given a rectification deadline warning, when told, then the institution’s hospital users hear it with the due date', () => {
    const [n, ...rest] = notificationsFor(
      ev(finding, 'DeadlineWarned', { deadlineId: 'rectify', warnAt: at, dueAt: '2026-03-20T16:00:00.000Z' }, 'w1'),
      findingFacts,
    );
    expect(rest).toEqual([]);
    expect(n).toMatchObject({
      kind: 'deadlineWarning',
      title: '整改时限即将届满：问题“门诊处方点评不规范”',
      body: '问题“门诊处方点评不规范”的整改时限将于 2026年3月21日 届满，请及时办理。',
      link: '/cases/findings/f1',
      stream: finding,
      sourceEventId: 'w1',
      audience: [{ kind: 'unitRole', unitId: 'h1', role: 'hospital' }],
    });
  });

  it('given a finding recorded, then its hospital hears of it, told that the notice to come sets what to do and by when', () => {
    const [n] = notificationsFor(findingHistory[1]!, foldCaseFacts(findingHistory.slice(0, 2)));
    expect(n).toMatchObject({
      kind: 'assignment',
      title: '新的检查问题：问题“门诊处方点评不规范”',
      body: '监督检查发现问题“门诊处方点评不规范”，整改要求和时限以随后下发的整改通知书为准。',
      audience: [{ kind: 'unitRole', unitId: 'h1', role: 'hospital' }],
    });
  });

  it('given a long description over several lines, then the title quotes one line of it, cut at 40 characters', () => {
    const description =
      '门诊处方点评不规范：\n抽查 100 张处方，其中 23 张无适应证用药、12 张超说明书用药且未备案，另有部分处方缺少医师签名';
    const opened = ev(finding, 'FindingOpened', { findingId: 'f1', visitId: 'v1', institutionId: 'h1', description });
    const [n] = notificationsFor(opened, foldCaseFacts([findingHistory[0]!, opened]));
    expect(n!.title).toBe('新的检查问题：问题“门诊处方点评不规范：抽查 100 张处方，其中 23 张无适应证用药、12 张超…”');
  });

  it('given the re-check deadline warned, then the visit’s inspectors hear it (their step)', () => {
    const [n] = notificationsFor(ev(finding, 'DeadlineWarned', { deadlineId: 'recheck', dueAt: at }), findingFacts);
    expect(n!.audience).toEqual([{ kind: 'users', userIds: ['insp-a', 'insp-b'] }]);
  });

  it.each([
    ['SignOffRequested', { findingId: 'f1', round: 1 }, 'request', 'inspectors'],
    ['ExtensionRequested', { findingId: 'f1', requestedDueAt: '2026-04-01' }, 'request', 'inspectors'],
    ['SignOffRejected', { findingId: 'f1', reasons: ['材料不全'] }, 'rejection', 'hospital'],
    ['ExtensionDenied', { findingId: 'f1', reason: '理由不充分' }, 'rejection', 'hospital'],
    ['ExtensionApproved', { deadlineId: 'rectify', previousDueAt: at, dueAt: at }, 'approval', 'hospital'],
    ['FindingSignedOff', { onTime: true, recheckDueAt: null }, 'signOff', 'hospital'],
    ['RectificationNoticeIssued', { noticeNo: '卫监整〔2026〕1号', dueAt: at }, 'assignment', 'hospital'],
    ['FindingEscalated', { rung: 'summons', step: 2, dueAt: at }, 'escalation', 'hospital'],
  ])('given %s, then %s goes to the %s', (type, data, kind, who) => {
    const [n] = notificationsFor(ev(finding, type, data), findingFacts);
    expect(n!.kind).toBe(kind);
    expect(n!.audience).toEqual(
      who === 'hospital' ? [{ kind: 'unitRole', unitId: 'h1', role: 'hospital' }] : [{ kind: 'users', userIds: ['insp-a', 'insp-b'] }],
    );
  });

  it('names the escalation rung in the catalogue’s words (约谈)', () => {
    const [n] = notificationsFor(ev(finding, 'FindingEscalated', { rung: 'summons', step: 2, dueAt: null }), findingFacts);
    expect(n!.title).toBe('逾期升级（约谈通知书）：问题“门诊处方点评不规范”');
  });

  it('tells nobody of an event no one must act on, and nobody when the case’s owner is unknown', () => {
    expect(notificationsFor(ev(finding, 'RectificationProgressReported', {}), findingFacts)).toEqual([]);
    expect(notificationsFor(ev(finding, 'SignOffRejected', { reasons: [] }), foldCaseFacts([]))).toEqual([]);
    expect(notificationsFor(ev('credit-x', 'DeadlineWarned', {}), findingFacts)).toEqual([]);
  });
});

const ticket = 'complaintTicket-t1';
const received = (notifyBySms: boolean, complainant: object) =>
  ev(ticket, 'ComplaintReceived', {
    ticketId: 't1',
    ticketCode: 'TS2026-0042',
    description: '张三在急诊被拒诊，电话13900001111',
    complainant,
    institutionId: null,
    receivingUnit: 'county-1',
    ...(notifyBySms ? { notifyBySms } : {}),
  });
const named = { kind: 'named', subjectId: 's-1', identityCiphertext: 'sm4cbc-hmacsm3:v1:aaa:bbb:ccc' };
const dispatched = ev(ticket, 'ComplaintDispatched', { ticketId: 't1', round: 1, institutionId: 'h1' });
const factsOf = (sms: boolean): CaseFacts => foldCaseFacts([received(sms, named), dispatched]);

describe('complaint notifications', () => {
  it('given a dispatch, then the handling institution is told by ticket code, never with the complainant’s words or identity', () => {
    const [staff] = notificationsFor(dispatched, factsOf(false));
    expect(staff).toMatchObject({
      kind: 'assignment',
      title: '新的投诉转办：投诉 TS2026-0042',
      link: '/cases/complaints/t1',
      audience: [{ kind: 'unitRole', unitId: 'h1', role: 'hospital' }],
    });
    const all = ['ComplaintReminded', 'ComplaintSupervised', 'ComplaintAnswered', 'ComplaintExtensionDenied']
      .flatMap((type) =>
        notificationsFor(ev(ticket, type, { ticketId: 't1', deadlineId: 'answer-1', dueAt: at, reason: '不予' }), factsOf(true)),
      )
      .concat(staff!);
    for (const n of all) expect(`${n.title}${n.body}`).not.toMatch(/张三|13900001111|s-1|sm4cbc/);
  });

  it('given 督办 on an overdue answer, then both the institution and the receiving commission unit hear it', () => {
    const [n] = notificationsFor(ev(ticket, 'ComplaintSupervised', { institutionId: 'h1', trigger: 'answer-overdue' }), factsOf(false));
    expect(n!.audience).toEqual([
      { kind: 'unitRole', unitId: 'h1', role: 'hospital' },
      { kind: 'unitRole', unitId: 'county-1', role: 'inspector' },
    ]);
  });

  it('given a ticket received at the hospital’s own window (首诉负责), then its complaint office is the owner told to follow up', () => {
    const atWindow = ev(ticket, 'ComplaintReceived', {
      ticketId: 't1',
      ticketCode: 'TS2026-0043',
      institutionId: 'h1',
      receivingUnit: 'h1',
    });
    const [n] = notificationsFor(ev(ticket, 'ComplaintAnswered', { institutionId: 'h1' }), foldCaseFacts([atWindow]));
    expect(n).toMatchObject({ kind: 'followUpDue', audience: [{ kind: 'unitRole', unitId: 'h1', role: 'hospital' }] });
  });

  it('given 上报卫健委, then the commission’s inspectors get it to dispatch, and own it from then on', () => {
    const atWindow = ev(ticket, 'ComplaintReceived', {
      ticketId: 't1',
      ticketCode: 'TS2026-0043',
      institutionId: 'h1',
      receivingUnit: 'h1',
    });
    const escalated = ev(ticket, 'ComplaintEscalated', { ticketId: 't1', fromUnit: 'h1', toUnit: 'county-1', reason: '涉及院领导' });
    const [n] = notificationsFor(escalated, foldCaseFacts([atWindow]));
    expect(n).toMatchObject({
      kind: 'assignment',
      title: '医疗机构上报投诉：投诉 TS2026-0043',
      audience: [{ kind: 'unitRole', unitId: 'county-1', role: 'inspector' }],
    });
    expect(`${n!.title}${n!.body}`).not.toContain('涉及院领导');
    const facts = foldCaseFacts([atWindow, escalated]);
    expect(facts).toMatchObject({ receivingUnit: 'county-1', ownerRole: 'inspector', institutionId: null });
  });

  it('given a consenting named complainant, then a status change adds an SMS with the ticket code only', () => {
    const intents = notificationsFor(dispatched, factsOf(true));
    const sms = intents.find((n) => n.audience.some((a) => a.kind === 'complainant'));
    expect(sms).toMatchObject({ kind: 'complaintStatus', title: '您的投诉 TS2026-0042 办理状态有更新' });
    expect(`${sms!.title}${sms!.body}`).not.toMatch(/张三|13900001111|急诊|h1/);
  });

  it('given no consent, or an anonymous complainant, then no SMS', () => {
    const complainantTold = (facts: CaseFacts) =>
      notificationsFor(dispatched, facts).some((n) => n.audience.some((a) => a.kind === 'complainant'));
    expect(complainantTold(factsOf(false))).toBe(false);
    expect(complainantTold(foldCaseFacts([received(true, { kind: 'anonymous' }), dispatched]))).toBe(false);
  });

  it('answers a ticket’s deadline warning through its 催办, not twice', () => {
    expect(notificationsFor(ev(ticket, 'DeadlineWarned', { deadlineId: 'answer-1', dueAt: at }), factsOf(false))).toEqual([]);
    const [n] = notificationsFor(
      ev(ticket, 'ComplaintReminded', { institutionId: 'h1', deadlineId: 'answer-2', dueAt: at }),
      factsOf(false),
    );
    expect(n!.body).toBe('投诉 TS2026-0042的答复时限（第2轮）将于 2026年3月2日 到期，请及时办理。');
  });
});

describe('notification ids', () => {
  it('are the same for the same event and recipient, and differ per recipient and per event', () => {
    expect(notificationId('e-1', 'u-a')).toBe(notificationId('e-1', 'u-a'));
    expect(notificationId('e-1', 'u-a')).not.toBe(notificationId('e-1', 'u-b'));
    expect(notificationId('e-1', 'u-a')).not.toBe(notificationId('e-2', 'u-a'));
  });
});
