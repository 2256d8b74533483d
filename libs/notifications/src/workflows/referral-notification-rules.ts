import { CONSOLE_LINKS } from '@bihuan/core';
import { CaseFacts, SourceEvent } from './case-facts';
import { Audience, NotificationIntent } from './notification-intent';
import { chineseDay } from './notification-wording';

type Data = Readonly<Record<string, unknown>>;
type Rule = (d: Data, facts: CaseFacts) => Omit<NotificationIntent, 'link' | 'stream' | 'occurredAt' | 'sourceEventId'> | null;

/** What kind of case went, in the agency's words; never the case's text or the reason (they may name people). */
const CASE_WORDS: Readonly<Record<string, string>> = { finding: '监督检查发现的问题', complaintTicket: '投诉举报案件' };
const what = (f: CaseFacts): string => CASE_WORDS[f.referral?.sourceCategory ?? ''] ?? '案件';
/** The partner agency's users (纪检监察, 公安, 医保, 市场监管 …): they 签收 and answer. */
const agency = (f: CaseFacts): Audience[] => (f.referral?.toUnit ? [{ kind: 'unitRole', unitId: f.referral.toUnit, role: 'partner' }] : []);
/** The referring office's inspectors: they follow the referral and close it. */
const office = (f: CaseFacts): Audience[] =>
  f.referral?.fromUnit ? [{ kind: 'unitRole', unitId: f.referral.fromUnit, role: 'inspector' }] : [];

/**
 * A referral's events someone must hear about (docs/notifications.md): the agency of a new referral
 * and of its 签收 deadline running out; the referring office of the 签收 and of the outcome, which
 * it then closes. Titles and bodies name the kind of case only: the case file is read on its page.
 */
const REFERRAL_RULES: Readonly<Record<string, Rule>> = {
  ReferralMade: (_d, f) => ({
    kind: 'assignment',
    title: `移交协查：${what(f)}`,
    body: `卫生健康部门向贵单位移交${what(f)}，随附案卷。请及时签收，办理后反馈结果。`,
    audience: agency(f),
  }),
  DeadlineWarned: (d, f) => ({
    kind: 'deadlineWarning',
    title: `签收时限即将届满：移交的${what(f)}`,
    body: `移交的${what(f)}将于 ${chineseDay(d['dueAt'])} 签收期满，请及时签收。`,
    audience: agency(f),
  }),
  ReferralAcknowledged: (d, f) => ({
    kind: 'statusChange',
    title: `协同部门已签收：${what(f)}`,
    body: `移交的${what(f)}已由协同部门签收${d['late'] === true ? '（逾期签收）' : ''}，待其反馈办理结果。`,
    audience: office(f),
  }),
  ReferralOutcomeRecorded: (_d, f) => ({
    kind: 'request',
    title: `协同部门已反馈：${what(f)}`,
    body: `协同部门已反馈移交${what(f)}的办理结果，请查看并办结。`,
    audience: office(f),
  }),
};

/** The intents of one event of a `referral-…` stream (none for an event nobody must hear about). */
export function referralNotifications(event: SourceEvent, facts: CaseFacts): NotificationIntent[] {
  const decided = REFERRAL_RULES[event.type]?.(event.data as Data, facts);
  if (!decided || decided.audience.length === 0) return [];
  return [
    {
      ...decided,
      link: CONSOLE_LINKS.referral(event.streamName.slice('referral-'.length)),
      stream: event.streamName,
      occurredAt: event.metadata.occurredAt,
      sourceEventId: event.metadata.eventId,
    },
  ];
}
