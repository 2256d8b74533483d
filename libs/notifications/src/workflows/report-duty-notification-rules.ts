import { CONSOLE_LINKS } from '@bihuan/core';
import { CaseFacts, SourceEvent } from './case-facts';
import { Audience, NotificationIntent } from './notification-intent';
import { chineseDay, deadlineLabel, DUTY_RUNG_WORDS, DUTY_WITHDRAW_WORDS, REPORT_KIND_WORDS } from './notification-wording';

type Data = Readonly<Record<string, unknown>>;
type Rule = (d: Data, facts: CaseFacts) => Omit<NotificationIntent, 'link' | 'stream' | 'occurredAt' | 'sourceEventId'> | null;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The unit that owes the report: an institution's hospital users, a lower commission's inspectors. */
const unit = (f: CaseFacts): Audience[] => {
  if (!f.institutionId) return [];
  const role = f.reportDuty?.owingUnitKind === 'commission' ? 'inspector' : 'hospital';
  return [{ kind: 'unitRole', unitId: f.institutionId, role }];
};
/** Who handed it in, for the issuing office: a hospital, or a lower commission. */
const owner = (f: CaseFacts): string => (f.reportDuty?.owingUnitKind === 'commission' ? '下级卫生健康行政部门' : '医疗机构');
/** The issuing office: the issuing unit's users in a role (its inspectors review; its leaders hear of a 督办). */
const office = (f: CaseFacts, role: 'inspector' | 'leader'): Audience[] =>
  f.issuingUnitId ? [{ kind: 'unitRole', unitId: f.issuingUnitId, role }] : [];
/** “2025年医德医风专项行动”实施方案（2025年3月7日前）: the campaign's title, the report and its due day — never the report's text. */
const what = (f: CaseFacts): string => {
  const d = f.reportDuty;
  if (!d) return '报送材料';
  return `“${d.campaignTitle}”${REPORT_KIND_WORDS[d.kind] ?? d.kind}（${chineseDay(d.dueOn)}前）`;
};

/**
 * A reporting duty's events that someone must hear about (docs/notifications.md, 谁会收到什么):
 * the owing unit (an institution's hospital users, a lower commission's inspectors) of its
 * assignment, reminders, escalation, review; the issuing office of what is handed in and of an
 * escalation; the owing unit again when the duty is withdrawn. Titles and bodies name the campaign, the report and its due day,
 * and a return's reasons; never the text handed in or a file name.
 */
const REPORT_DUTY_RULES: Readonly<Record<string, Rule>> = {
  ReportDutyAssigned: (d, f) => ({
    kind: 'assignment',
    title: `报送任务：${what(f)}`,
    body: `请于 ${chineseDay(d['dueAt'])} 前报送${what(f)}（${chineseDay(d['opensOn'])}起可报送）。`,
    audience: unit(f),
  }),
  DeadlineWarned: (d, f) => ({
    kind: 'deadlineWarning',
    title: `${deadlineLabel(text(d['deadlineId']))}即将届满：${what(f)}`,
    body: `${what(f)}将于 ${chineseDay(d['dueAt'])} 截止报送，请及时报送。`,
    audience: unit(f),
  }),
  ReportDutyEscalated: (d, f) => {
    const rung = DUTY_RUNG_WORDS[text(d['rung'])] ?? text(d['rung']);
    const supervision = text(d['rung']) === 'supervision';
    return {
      kind: 'escalation',
      title: `逾期未报送（${rung}）：${what(f)}`,
      body: `${what(f)}逾期未报送，已升级第${Number(d['step'])}级：${rung}${d['dueAt'] ? `，请于 ${chineseDay(d['dueAt'])} 前报送` : ''}。`,
      audience: [...unit(f), ...office(f, 'inspector'), ...(supervision ? office(f, 'leader') : [])],
    };
  },
  ReportSubmitted: (d, f) => ({
    kind: 'request',
    title: `报送材料待审核：${what(f)}`,
    body: `${owner(f)}已报送${what(f)}${d['onTime'] === false ? '（逾期报送）' : ''}，请审核。`,
    audience: office(f, 'inspector'),
  }),
  ReportReturned: (d, f) => ({
    kind: 'rejection',
    title: `报送材料被退回：${what(f)}`,
    body: `退回理由：${text(d['reason'])}。请修改后重新报送。`,
    audience: unit(f),
  }),
  ReportAccepted: (d, f) => ({
    kind: 'approval',
    title: `报送材料已通过审核：${what(f)}`,
    body: `${what(f)}已审核通过${d['onTime'] === false ? '（逾期报送）' : ''}${d['comment'] ? `：${text(d['comment'])}` : ''}。`,
    audience: unit(f),
  }),
  // The unit stops preparing a report nobody will read (its to-do item goes with it).
  ReportDutyWithdrawn: (d, f) => ({
    kind: 'statusChange',
    title: `报送任务已撤销：${what(f)}`,
    body: `${what(f)}无需再报送（${DUTY_WITHDRAW_WORDS[text(d['reason'])] ?? text(d['reason'])}）。`,
    audience: unit(f),
  }),
};

/** The intents of one event of a `reportDuty-…` stream (none for an event nobody must hear about). */
export function reportDutyNotifications(event: SourceEvent, facts: CaseFacts): NotificationIntent[] {
  const decided = REPORT_DUTY_RULES[event.type]?.(event.data as Data, facts);
  if (!decided || decided.audience.length === 0) return [];
  const dutyId = event.streamName.slice('reportDuty-'.length);
  return [
    {
      ...decided,
      link: CONSOLE_LINKS.reportDuty(dutyId),
      stream: event.streamName,
      occurredAt: event.metadata.occurredAt,
      sourceEventId: event.metadata.eventId,
    },
  ];
}
