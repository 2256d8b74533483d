import { CaseFacts, SourceEvent } from './case-facts';
import { Audience, NotificationIntent } from './notification-intent';
import { chineseDay, deadlineLabel, RUNG_LABELS } from './notification-wording';
import { CONSOLE_LINKS, excerpt } from '@bihuan/core';

type Data = Readonly<Record<string, unknown>>;
type Rule = (d: Data, facts: CaseFacts) => Omit<NotificationIntent, 'link' | 'stream' | 'occurredAt' | 'sourceEventId'> | null;

const hospital = (facts: CaseFacts): Audience[] =>
  facts.institutionId ? [{ kind: 'unitRole', unitId: facts.institutionId, role: 'hospital' }] : [];
const inspectors = (facts: CaseFacts): Audience[] =>
  facts.inspectorIds.length > 0 ? [{ kind: 'users', userIds: facts.inspectorIds }] : [];
const what = (facts: CaseFacts): string => (facts.description ? `问题“${excerpt(facts.description)}”` : '检查发现的问题');
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A finding's events that someone must hear about: who, and in what words (docs/notifications.md, 谁会收到什么). */
const FINDING_RULES: Readonly<Record<string, Rule>> = {
  FindingOpened: (_d, f) => ({
    kind: 'assignment',
    title: `新的检查问题：${what(f)}`,
    // Recorded, not yet notified: what to do and by when come with the 整改通知书 (its own message).
    body: `监督检查发现${what(f)}，整改要求和时限以随后下发的整改通知书为准。`,
    audience: hospital(f),
  }),
  RectificationNoticeIssued: (d, f) => ({
    kind: 'assignment',
    title: `整改通知书：${what(f)}`,
    body: `已开具整改通知书${d['noticeNo'] ? ` ${text(d['noticeNo'])}` : ''}，整改时限 ${chineseDay(d['dueAt'])}，请按时提交整改方案并完成整改。`,
    audience: hospital(f),
  }),
  DeadlineWarned: (d, f) => {
    const deadlineId = text(d['deadlineId']);
    const purpose = f.purposes[deadlineId] ?? '';
    const label = deadlineLabel(deadlineId);
    return {
      kind: 'deadlineWarning',
      title: `${label}即将届满：${what(f)}`,
      body: `${what(f)}的${label}将于 ${chineseDay(d['dueAt'])} 届满，请及时办理。`,
      // The re-check (回头看) is the inspectors' step; every other finding deadline is the hospital's.
      audience: purpose === 'recheck' ? inspectors(f) : hospital(f),
    };
  },
  FindingEscalated: (d, f) => {
    const rung = RUNG_LABELS[text(d['rung'])] ?? text(d['rung']);
    return {
      kind: 'escalation',
      title: `逾期升级（${rung}）：${what(f)}`,
      body: `${what(f)}整改逾期，已升级第${Number(d['step'])}级：${rung}${d['dueAt'] ? `，限 ${chineseDay(d['dueAt'])} 前整改` : ''}。`,
      audience: hospital(f),
    };
  },
  SignOffRequested: (_d, f) => ({
    kind: 'request',
    title: `销号申请待审核：${what(f)}`,
    body: `医疗机构已就${what(f)}申请销号，请审核整改材料。`,
    audience: inspectors(f),
  }),
  SignOffRejected: (d, f) => ({
    kind: 'rejection',
    title: `销号申请被退回：${what(f)}`,
    body: `销号申请被退回：${(d['reasons'] as unknown[] | undefined)?.map(text).join('；') ?? ''}。请补充整改后重新申请。`,
    audience: hospital(f),
  }),
  FindingSignedOff: (d, f) => ({
    kind: 'signOff',
    title: `已销号：${what(f)}`,
    body: `${what(f)}已确认销号${d['onTime'] === false ? '（逾期完成）' : ''}${d['recheckDueAt'] ? `，回头看 ${chineseDay(d['recheckDueAt'])}` : ''}。`,
    audience: hospital(f),
  }),
  ExtensionRequested: (d, f) => ({
    kind: 'request',
    title: `延期申请待审批：${what(f)}`,
    body: `医疗机构申请将整改时限延至 ${chineseDay(d['requestedDueAt'])}，请审批。`,
    audience: inspectors(f),
  }),
  ExtensionApproved: (d, f) => ({
    kind: 'approval',
    title: `延期已批准：${what(f)}`,
    body: `${deadlineLabel(text(d['deadlineId']))}由 ${chineseDay(d['previousDueAt'])} 延至 ${chineseDay(d['dueAt'])}。`,
    audience: hospital(f),
  }),
  ExtensionDenied: (d, f) => ({
    kind: 'rejection',
    title: `延期未获批准：${what(f)}`,
    body: `不予延期：${text(d['reason'])}。请按原时限完成整改。`,
    audience: hospital(f),
  }),
  FindingRecheckDue: (d, f) => ({
    kind: 'deadlineWarning',
    title: `回头看到期：${what(f)}`,
    body: `${what(f)}的回头看于 ${chineseDay(d['dueAt'])} 到期，请复查。`,
    audience: inspectors(f),
  }),
  FindingReopened: (d, f) => ({
    kind: 'assignment',
    title: `重新整改：${what(f)}`,
    body: `回头看发现反弹，${what(f)}重新整改（第${Number(d['round'])}轮），整改时限 ${chineseDay(d['dueAt'])}。`,
    audience: hospital(f),
  }),
};

/** The intents of one event of a `finding-…` stream (none for an event nobody must hear about). */
export function findingNotifications(event: SourceEvent, facts: CaseFacts): NotificationIntent[] {
  const rule = FINDING_RULES[event.type];
  const decided = rule?.(event.data as Data, facts);
  if (!decided || decided.audience.length === 0) return [];
  const findingId = event.streamName.slice('finding-'.length);
  return [
    {
      ...decided,
      link: CONSOLE_LINKS.finding(findingId),
      stream: event.streamName,
      occurredAt: event.metadata.occurredAt,
      sourceEventId: event.metadata.eventId,
    },
  ];
}
