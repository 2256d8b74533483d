import { chineseDate, EventSummaries, summaryCatalogue } from '@bihuan/core';
import { ComplaintReferenceEvent } from '../domain/complaint-reference.decider';
import { ComplaintDomainEvent } from '../domain/complaint-ticket.events';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_CHANNEL_LABELS as CHANNELS,
  COMPLAINT_COMPLEXITY_LABELS as COMPLEXITY,
  COMPLAINT_DECISION_LABELS,
  DECLINE_GROUND_LABELS as GROUNDS,
  FOLLOW_UP_SOURCE_LABELS,
  SATISFACTION_RATING_LABELS,
} from '../domain/complaint-labels';

/** What the registry calls the public entry's actor (EventSummaryRegistry.actorName). */
const PUBLIC_ENTRY = '投诉人';
const onTime = (v: boolean): string => (v ? '（按时）' : '（逾期）');
const round = (n: number): string => (n > 1 ? `（第${n}轮）` : '');
const BASE_DEADLINES: Readonly<Record<string, string>> = { acknowledge: '签收时限', answer: '答复时限', supervision: '督办时限' };

/** `answer-2` → 答复时限（第2轮） (complaintDeadlineId). */
export function complaintDeadlineName(deadlineId: string): string | null {
  const m = /^(acknowledge|answer|supervision)-(\d+)$/.exec(deadlineId);
  return m ? `${BASE_DEADLINES[m[1]!]}${round(Number(m[2]))}` : null;
}

/**
 * A ticket's events in words. Never the complainant: no identity, no contact, and none of the
 * complainant's own words (description, replies, follow-up comments), which may name them.
 */
export const COMPLAINT_SUMMARIES: EventSummaries<ComplaintDomainEvent> = {
  ComplaintReceived: (d, c) =>
    `${c.actor === PUBLIC_ENTRY ? '投诉人网上提交投诉' : d.fromAgency ? `${c.unit(d.fromAgency)}（${c.actor}）移送线索，${c.unit(d.receivingUnit)} 受理投诉` : `${c.actor} 受理投诉`}（${CHANNELS[d.channel] ?? d.channel}，${COMPLAINT_CATEGORY_LABELS[d.category] ?? d.category}），编号 ${d.ticketCode}${d.institutionId ? `，被投诉单位 ${c.unit(d.institutionId)}` : ''}${d.staffId ? `，涉及人员 ${c.person(d.staffId)}` : ''}`,
  ComplaintResolvedOnTheSpot: (d, c) => `${c.actor} 当场办结：${d.resolution}`,
  ComplaintDispatched: (d, c) =>
    `${c.actor} 转办至 ${c.unit(d.institutionId)}${round(d.round)}（${COMPLEXITY[d.complexity] ?? d.complexity}）`,
  ComplaintEscalated: (d, c) => `${c.unit(d.fromUnit)} 将投诉上报 ${c.unit(d.toUnit)}：${d.reason}`,
  ComplaintAcknowledged: (d, c) => `${c.unit(d.institutionId)} 签收${onTime(d.onTime)}`,
  ComplaintReturned: (d, c) => `${c.unit(d.institutionId)} 退单：${d.reason}`,
  ComplaintInvestigationNoted: (d, c) => `${c.actor} 记录调查核实情况：${d.note}`,
  ComplaintDecided: (d, c) =>
    `${c.unit(d.institutionId)} 作出处理意见：${COMPLAINT_DECISION_LABELS[d.decision] ?? d.decision}${d.implicatedStaffId ? `，涉及人员 ${c.person(d.implicatedStaffId)}` : ''}`,
  ComplaintAnswered: (d, c) => `${c.unit(d.institutionId)} 答复投诉人${onTime(d.onTime)}`,
  ComplaintFollowedUp: (d) =>
    `回访评价：${SATISFACTION_RATING_LABELS[d.rating] ?? d.rating}（${FOLLOW_UP_SOURCE_LABELS[d.source] ?? d.source}）`,
  ComplaintClosed: (d, c) =>
    `${c.actor} 办结${d.rating ? `（${SATISFACTION_RATING_LABELS[d.rating] ?? d.rating}）` : ''}${d.reason ? `：${d.reason}` : ''}`,
  ComplaintDeclined: (d, c) => `${c.actor} 不予受理（${GROUNDS[d.ground] ?? d.ground}）：${d.reason}`,
  ComplaintExtensionRequested: (d, c) => `${c.actor} 申请延长${c.deadline(d.deadlineId)}：${d.reason}`,
  ComplaintExtensionApproved: (d, c) =>
    `${c.actor} 批准延期，${c.deadline(d.deadlineId)}由 ${chineseDate(d.previousDueAt)} 延至 ${chineseDate(d.dueAt)}`,
  ComplaintExtensionDenied: (d, c) => `${c.actor} 不予延期：${d.reason}`,
  ComplaintReminded: (d, c) => `催办 ${c.unit(d.institutionId)}：${c.deadline(d.deadlineId)} ${chineseDate(d.dueAt)} 到期`,
  ComplaintSupervised: (d, c) =>
    d.trigger === 'answer-overdue'
      ? `答复逾期，自动督办 ${c.unit(d.institutionId)}${round(d.round)}`
      : `${c.actor} 督办 ${c.unit(d.institutionId)}${round(d.round)}${d.reason ? `：${d.reason}` : ''}`,
  ComplaintPubliclyNoticed: (d, c) => `督办期满仍未办结，通报 ${c.unit(d.institutionId)}`,
  ComplaintAwaitingComplainant: (d, c) => `${c.actor} 停止计时，等待投诉人补充：${d.reason}`,
  ComplaintComplainantReplied: () => `投诉人已答复，恢复计时`,
  ComplaintReopened: (d, c) =>
    `${c.actor} 因投诉人不满意重新办理（第${d.round}轮，${COMPLEXITY[d.complexity] ?? d.complexity}），交 ${c.unit(d.institutionId)}：${d.reason}`,
};

/** The reference claims that keep an external number on one ticket: bookkeeping of uniqueness. */
export const COMPLAINT_REFERENCE_SUMMARIES: EventSummaries<ComplaintReferenceEvent> = {
  ExternalReferenceClaimed: (d) => `外部编号 ${d.reference} 登记到投诉 ${d.ticketId}`,
  ExternalReferenceReleased: (d) => `外部编号释放（${d.reason === 'intake-failed' ? '受理未完成' : '受理中断'}）`,
};

export const COMPLAINTS_SUMMARY_CATALOGUE = summaryCatalogue<ComplaintDomainEvent | ComplaintReferenceEvent>(
  'complaints',
  { ...COMPLAINT_SUMMARIES, ...COMPLAINT_REFERENCE_SUMMARIES },
  {
    bookkeeping: { ExternalReferenceClaimed: true, ExternalReferenceReleased: true },
    deadlineName: complaintDeadlineName,
    terms: COMPLAINT_CATEGORY_LABELS,
  },
);
