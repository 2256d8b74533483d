import type { NotificationKind } from './notification-kinds';
import { CaseFacts, SourceEvent } from './case-facts';
import { Audience, NotificationIntent } from './notification-intent';
import { chineseDay, deadlineLabel } from './notification-wording';
import { CONSOLE_LINKS } from '@bihuan/core';

type Data = Readonly<Record<string, unknown>>;
type Staff = { kind: NotificationKind; title: string; body: string; audience: Audience[] };
type Rule = (d: Data, facts: CaseFacts) => Staff | null;

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
/** The handling institution: named by the event when it carries one, else the latest dispatch. */
const handling = (d: Data, f: CaseFacts): Audience[] => {
  const unitId = text(d['institutionId']) || f.institutionId;
  return unitId ? [{ kind: 'unitRole', unitId, role: 'hospital' }] : [];
};
/**
 * The receiving unit (首诉负责): it dispatches, decides extensions and follows up — a commission's
 * inspectors, or the complaint office (role hospital) of an institution that received it itself.
 */
const owner = (f: CaseFacts): Audience[] => (f.receivingUnit ? [{ kind: 'unitRole', unitId: f.receivingUnit, role: f.ownerRole }] : []);
/**
 * The commission above an institution's own complaint office, for a ticket that office holds
 * (ownerRole hospital): 督办, 通报 and extension approval stay the commission's (ADR 0023). None for a
 * commission's own ticket, whose owner is already the commission.
 */
const aboveOwner = (f: CaseFacts): Audience[] =>
  f.receivingUnit && f.ownerRole === 'hospital' ? [{ kind: 'overseers', unitId: f.receivingUnit }] : [];
/** Who decides an extension: the owning commission, or the one above an institution's office. */
const extensionApprover = (f: CaseFacts): Audience[] => (f.ownerRole === 'hospital' ? aboveOwner(f) : owner(f));
const code = (f: CaseFacts): string => (f.ticketCode ? `投诉 ${f.ticketCode}` : '投诉');

/**
 * Staff notifications of a ticket. Never the complainant: titles and bodies name the ticket by its
 * code and never carry the description, replies, follow-up comments or identity (which may name
 * them). A deadline warning of a ticket is told through ComplaintReminded (催办), which the decider
 * records together with DeadlineWarned, so DeadlineWarned itself is not answered here.
 */
const COMPLAINT_RULES: Readonly<Record<string, Rule>> = {
  ComplaintDispatched: (d, f) => ({
    kind: 'assignment',
    title: `新的投诉转办：${code(f)}`,
    body: `${code(f)}已转办贵单位处理，请及时签收并按时答复。`,
    audience: handling(d, f),
  }),
  ComplaintEscalated: (d, f) => ({
    kind: 'assignment',
    title: `医疗机构上报投诉：${code(f)}`,
    body: `${code(f)}由受理的医疗机构上报，请研判并转办。`,
    audience: text(d['toUnit']) ? [{ kind: 'unitRole', unitId: text(d['toUnit']), role: 'inspector' }] : [],
  }),
  ComplaintReopened: (d, f) => ({
    kind: 'assignment',
    title: `投诉重新办理：${code(f)}`,
    body: `投诉人不满意，${code(f)}交贵单位重新办理（第${Number(d['round'])}轮）。`,
    audience: handling(d, f),
  }),
  ComplaintReturned: (_d, f) => ({
    kind: 'rejection',
    title: `投诉被退单：${code(f)}`,
    body: `承办单位退回了${code(f)}，请重新研判并转办。`,
    audience: owner(f),
  }),
  ComplaintReminded: (d, f) => ({
    kind: 'reminder',
    title: `催办：${code(f)}`,
    body: `${code(f)}的${deadlineLabel(text(d['deadlineId']))}将于 ${chineseDay(d['dueAt'])} 到期，请及时办理。`,
    audience: handling(d, f),
  }),
  ComplaintSupervised: (d, f) => ({
    kind: 'escalation',
    title: `督办：${code(f)}`,
    body: d['trigger'] === 'answer-overdue' ? `${code(f)}答复逾期，已自动督办，请立即办理。` : `${code(f)}已被督办，请立即办理。`,
    audience: [...handling(d, f), ...owner(f), ...aboveOwner(f)],
  }),
  ComplaintPubliclyNoticed: (d, f) => ({
    kind: 'escalation',
    title: `通报：${code(f)}`,
    body: `${code(f)}督办期满仍未办结，予以通报。`,
    audience: [...handling(d, f), ...owner(f), ...aboveOwner(f)],
  }),
  ComplaintExtensionRequested: (d, f) => ({
    kind: 'request',
    title: `延期申请待审批：${code(f)}`,
    body: `承办单位申请延长${code(f)}的${deadlineLabel(text(d['deadlineId']))}，请审批。`,
    audience: extensionApprover(f),
  }),
  ComplaintExtensionApproved: (d, f) => ({
    kind: 'approval',
    title: `延期已批准：${code(f)}`,
    body: `${deadlineLabel(text(d['deadlineId']))}由 ${chineseDay(d['previousDueAt'])} 延至 ${chineseDay(d['dueAt'])}。`,
    audience: handling({}, f),
  }),
  ComplaintExtensionDenied: (d, f) => ({
    kind: 'rejection',
    title: `延期未获批准：${code(f)}`,
    body: `不予延期：${text(d['reason'])}。请按原时限办理。`,
    audience: handling({}, f),
  }),
  ComplaintAnswered: (_d, f) => ({
    kind: 'followUpDue',
    title: `待回访：${code(f)}`,
    body: `承办单位已答复投诉人，请回访并办结${code(f)}。`,
    audience: owner(f),
  }),
  ComplaintComplainantReplied: (_d, f) => ({
    kind: 'statusChange',
    title: `投诉人已补充：${code(f)}`,
    body: `投诉人已答复，${code(f)}恢复计时，请继续办理。`,
    audience: handling({}, f),
  }),
};

/** Status changes a consenting complainant is told of by SMS, with the ticket code only. */
const COMPLAINANT_STATUS: Readonly<Record<string, true>> = {
  ComplaintDispatched: true,
  ComplaintAwaitingComplainant: true,
  ComplaintAnswered: true,
  ComplaintReopened: true,
  ComplaintClosed: true,
  ComplaintDeclined: true,
};

/** The intents of one event of a `complaintTicket-…` stream. */
export function complaintNotifications(event: SourceEvent, facts: CaseFacts): NotificationIntent[] {
  const ticketId = event.streamName.slice('complaintTicket-'.length);
  const base = { stream: event.streamName, occurredAt: event.metadata.occurredAt, sourceEventId: event.metadata.eventId };
  const intents: NotificationIntent[] = [];
  const staff = COMPLAINT_RULES[event.type]?.(event.data as Data, facts);
  if (staff && staff.audience.length > 0) intents.push({ ...staff, ...base, link: CONSOLE_LINKS.complaint(ticketId) });
  if (COMPLAINANT_STATUS[event.type] && facts.notifyBySms && facts.complainant && facts.ticketCode) {
    intents.push({
      ...base,
      kind: 'complaintStatus',
      // The ticket code only: an SMS may be read by anyone holding the phone, so no content.
      title: `您的投诉 ${facts.ticketCode} 办理状态有更新`,
      body: `您的投诉 ${facts.ticketCode} 办理状态有更新，请凭投诉编号和查询码查询。`,
      link: CONSOLE_LINKS.publicComplaint(facts.ticketCode),
      audience: [{ kind: 'complainant' }],
    });
  }
  return intents;
}
