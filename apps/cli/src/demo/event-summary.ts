import { DEMO_UNITS, DEMO_USERS } from '@bihuan/demo';
import { COMPLAINT_DECISION_LABELS, SATISFACTION_RATING_LABELS } from '@bihuan/complaints';
import { CREDIT_LABELS } from '@bihuan/credit';
import {
  ESCALATION_RUNG_LABELS,
  EscalationRung,
  FINDING_CATEGORY_LABELS,
  FindingCategory,
  SEVERITY_LABELS,
  Severity,
} from '@bihuan/inspection';
import { shanghaiDay, shanghaiTime } from './demo-print';

type Data = Record<string, unknown>;

const s = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v));
const list = (v: unknown): string => (Array.isArray(v) && v.length > 0 ? `（证据 ${v.map(String).join('、')}）` : '');
const rung = (v: unknown): string => ESCALATION_RUNG_LABELS[v as EscalationRung] ?? s(v);

const DEADLINES: Record<string, string> = {
  rectify: '整改时限',
  recheck: '回头看',
  acknowledge: '签收时限',
  answer: '答复时限',
  supervision: '督办时限',
};
/** `rectify` → 整改时限, `escalation.summons` → 约谈通知书时限, `answer-1` → 答复时限. */
export function deadlineLabel(id: unknown): string {
  const text = s(id);
  if (text.startsWith('escalation.')) return `${rung(text.slice('escalation.'.length))}时限`;
  const base = text.replace(/(\.r\d+|-\d+)$/, '');
  return `${DEADLINES[base] ?? text}${/\.r(\d+)$/.exec(text) ? `（第${/\.r(\d+)$/.exec(text)![1]}轮）` : ''}`;
}

// The catalogue's words (GET /catalogue), not a copy.
const RATINGS: Readonly<Record<string, string>> = SATISFACTION_RATING_LABELS;
const DECISIONS: Readonly<Record<string, string>> = COMPLAINT_DECISION_LABELS;
export const ratingLabel = (v: unknown): string => RATINGS[s(v)] ?? s(v);
export const decisionLabel = (v: unknown): string => DECISIONS[s(v)] ?? s(v);

const SUMMARIES: Record<string, (d: Data) => string> = {
  FindingOpened: (d) =>
    `开具问题：${s(d['description'])}（${FINDING_CATEGORY_LABELS[d['category'] as FindingCategory] ?? s(d['category'])}，${SEVERITY_LABELS[d['severity'] as Severity] ?? s(d['severity'])}）`,
  RectificationNoticeIssued: (d) => `下发整改通知书 ${s(d['noticeNo'])}，${s(d['workingDays'])}个工作日，至 ${shanghaiDay(d['dueAt'])}`,
  RectificationPlanSubmitted: (d) => `提交整改措施：${s(d['measures'])}`,
  RectificationProgressReported: (d) => `报告整改进展：${s(d['summary'])}${list(d['evidence'])}`,
  SignOffRequested: (d) => `申请销号：${s(d['summary'])}${list(d['evidence'])}`,
  SignOffRejected: (d) => `退回销号申请：${(d['reasons'] as unknown[] | undefined)?.map(String).join('；') ?? ''}`,
  FindingSignedOff: (d) =>
    `销号${d['onTime'] === false ? '（逾期完成）' : ''}${d['comment'] ? `：${s(d['comment'])}` : ''}${d['recheckDueAt'] ? `，回头看 ${shanghaiDay(d['recheckDueAt'])}` : ''}`,
  ExtensionRequested: (d) => `申请延期至 ${shanghaiDay(d['requestedDueAt'])}：${s(d['reason'])}`,
  ExtensionApproved: (d) =>
    `批准延期 ${s(d['workingDays'])} 个工作日：${shanghaiDay(d['previousDueAt'])} → ${shanghaiDay(d['dueAt'])}${d['comment'] ? `（${s(d['comment'])}）` : ''}`,
  ExtensionDenied: (d) => `不予延期：${s(d['reason'])}`,
  FindingEscalated: (d) =>
    `逾期升级（第${s(d['step'])}级）：${rung(d['rung'])}${d['dueAt'] ? `，限 ${shanghaiDay(d['dueAt'])} 前整改` : ''}`,
  FindingRecheckDue: (d) => `回头看到期（${shanghaiDay(d['dueAt'])}）`,
  FindingRecheckPassed: (d) => `回头看通过：${s(d['notes'])}`,
  FindingReopened: (d) => `回头看发现反弹，重新整改（第${s(d['round'])}轮，至 ${shanghaiDay(d['dueAt'])}）：${s(d['notes'])}`,
  FindingWithdrawn: (d) => `撤销：${s(d['reason'])}`,
  DeadlineSet: (d) =>
    `设定${deadlineLabel(d['deadlineId'])}：至 ${shanghaiTime(d['dueAt'])}${d['workingDays'] ? `（${s(d['workingDays'])}个工作日）` : ''}`,
  DeadlineWarned: (d) => `${deadlineLabel(d['deadlineId'])}预警（${shanghaiDay(d['dueAt'])} 到期）`,
  DeadlineExtended: (d) => `${deadlineLabel(d['deadlineId'])}顺延至 ${shanghaiTime(d['dueAt'])}`,
  DeadlineExpired: (d) => `${deadlineLabel(d['deadlineId'])}已过（${shanghaiTime(d['dueAt'])}）`,
  DeadlineCleared: (d) => `${deadlineLabel(d['deadlineId'])}解除（${d['outcome'] === 'met' ? '按时完成' : '不再适用'}）`,
  DeadlinePaused: (d) => `${deadlineLabel(d['deadlineId'])}停表：${s(d['reason'])}`,
  DeadlineResumed: (d) => `${deadlineLabel(d['deadlineId'])}恢复计时，至 ${shanghaiTime(d['dueAt'])}`,
  ComplaintReceived: (d) => `受理（${s(d['channel'])}），投诉编号 ${s(d['ticketCode'])}`,
  ComplaintDispatched: (d) => `转办至 ${unitName(d['institutionId'])}（${d['complexity'] === 'complex' ? '复杂' : '简单'}件）`,
  ComplaintAcknowledged: (d) => `签收${d['onTime'] === false ? '（逾期）' : '（按时）'}`,
  ComplaintInvestigationNoted: (d) => `调查核实：${s(d['note'])}`,
  ComplaintDecided: (d) =>
    `处理意见：${decisionLabel(d['decision'])}${d['implicatedStaffId'] ? `，涉及人员 ${s(d['implicatedStaffId'])}` : ''}`,
  ComplaintAnswered: (d) => `答复投诉人${d['onTime'] === false ? '（逾期）' : '（按时）'}：${s(d['answer'])}`,
  ComplaintFollowedUp: (d) => `回访评价：${ratingLabel(d['rating'])}（${d['source'] === 'complainant' ? '投诉人自评' : '回访电话'}）`,
  ComplaintClosed: (d) => `办结${d['rating'] ? `（${ratingLabel(d['rating'])}）` : ''}`,
  ComplaintReminded: (d) => `催办：${deadlineLabel(d['deadlineId'])} ${shanghaiDay(d['dueAt'])} 到期`,
  ComplaintSupervised: (d) => `督办：${s(d['reason'])}`,
  EthicsArchiveOpened: (d) => `建立医德档案 ${s(d['staffId'])}${d['implicit'] ? '（自动）' : ''}`,
  EthicsRecordAdded: (d) => `医德档案记录：${s(d['summary'])}，记分 ${s(d['points'])}`,
  CreditPointsAdded: (d) => `不良执业记分 +${s(d['points'])}（本周期累计 ${s(d['totalPoints'])}）`,
  CreditMeasureImposed: (d) => `累计达 ${s(d['thresholdPoints'])} 分，措施：${measures(d['measures'])}`,
  CreditNoticeIssued: (d) => `发出信用处理告知书（措施：${measures(d['measures'])}）`,
};

function measures(v: unknown): string {
  return Array.isArray(v) ? v.map((m) => CREDIT_LABELS[m as keyof typeof CREDIT_LABELS] ?? String(m)).join('、') : s(v);
}

/** One line in Chinese for an event, from its type and data (the raw type when unknown). */
export function summarise(type: string, data: unknown): string {
  const f = SUMMARIES[type];
  return f ? f((data ?? {}) as Data) : type;
}

/** `赵监督员（inspector，甲市东城区卫生健康局）`; timers and sagas read as 系统. */
export function actorText(actor: unknown): string {
  const a = (actor ?? {}) as { id?: string; role?: string; unit?: string };
  if (a.role === 'system' || a.id === 'system') return '系统（时限/流程）';
  if (a.role === 'public') return '投诉人（公众入口）';
  const name = DEMO_USERS.find((u) => u.id === a.id)?.name ?? a.id ?? '?';
  return `${name}（${a.role ?? '?'}，${unitName(a.unit)}）`;
}

/** The demo jurisdiction's name of a unit id (卫生健康委员会 / 卫生健康局 shortened to 卫健委 / 卫健局). */
export function unitName(id: unknown): string {
  const name = DEMO_UNITS.find((u) => u.id === id)?.name ?? s(id);
  return name.replace('卫生健康委员会', '卫健委').replace('卫生健康局', '卫健局');
}
