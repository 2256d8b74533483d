import { DEADLINE_EVENTS, DeadlineEvent } from '../deadline';
import { chineseDate, chineseDateTime, workingDaysNote } from './chinese-dates';
import { EventSummaries, summaryCatalogue } from './event-summary';

const PAUSE_REASONS: Readonly<Record<string, string>> = { 'awaiting-complainant': '等待投诉人补充材料' };

/**
 * The generic deadline events (core/deadline.ts) in words. They travel with a case event that says
 * the same thing for people (a notice, a reminder, an escalation), so a history folds them away
 * by default; the entry's deadline snapshot keeps their effect visible.
 */
export const DEADLINE_SUMMARIES: EventSummaries<DeadlineEvent> = {
  DeadlineSet: (d, c) => `设定${c.deadline(d.deadlineId)}：${chineseDate(d.dueAt)}${workingDaysNote(d.workingDays)}`,
  DeadlineWarned: (d, c) => `${c.deadline(d.deadlineId)}临近（${chineseDate(d.dueAt)}到期），已预警`,
  DeadlinePaused: (d, c) => `${c.deadline(d.deadlineId)}停止计时：${PAUSE_REASONS[d.reason] ?? d.reason}`,
  DeadlineResumed: (d, c) => `${c.deadline(d.deadlineId)}恢复计时，至 ${chineseDate(d.dueAt)}`,
  DeadlineExtended: (d, c) =>
    `${c.deadline(d.deadlineId)}延至 ${chineseDate(d.dueAt)}${d.extraWorkingDays ? `（延长${d.extraWorkingDays}个工作日）` : ''}，批准人 ${c.person(d.approvedBy)}`,
  DeadlineRecomputed: (d, c) =>
    `按正式节假日安排重算${c.deadline(d.deadlineId)}：${chineseDate(d.previousDueAt)} → ${chineseDate(d.dueAt)}`,
  DeadlineExpired: (d, c) => `${c.deadline(d.deadlineId)}已到期（${chineseDateTime(d.dueAt)}）`,
  DeadlineCleared: (d, c) => `${c.deadline(d.deadlineId)}解除（${d.outcome === 'met' ? '按时完成' : '不再适用'}）`,
};

/** Every deadline event is bookkeeping: folded out of a history unless the reader asks for all. */
export const DEADLINE_SUMMARY_CATALOGUE = summaryCatalogue<DeadlineEvent>('core', DEADLINE_SUMMARIES, { bookkeeping: DEADLINE_EVENTS });
