import { chineseDate, EventSummaries, SummaryContext, summaryCatalogue } from '@bihuan/core';
import { InspectorConflictsEvent } from '../application/conflicts/inspector-conflicts.events';
import { CreditArchiveOwnEvent } from '../domain/archive/credit-archive.events';
import { RandomDrawEvent } from '../domain/draw/random-draw.messages';
import {
  COMMITMENT_KIND_LABELS as COMMITMENTS,
  CREDIT_BEHAVIOUR_LABELS,
  CREDIT_CHECK_PURPOSE_LABELS as PURPOSES,
  CREDIT_LABELS,
  CREDIT_LEVEL_LABELS,
  CREDIT_SUBJECT_KIND_LABELS,
} from '../domain/credit-labels';
import { CreditSubjectOwnEvent } from '../domain/subject/credit-subject.messages';
import { CommitmentSupplier, CreditMeasure } from '../domain/credit-values';

const measures = (list: readonly CreditMeasure[]): string => list.map((m) => CREDIT_LABELS[m] ?? m).join('、') || '无';
/** A supplier agreement's other party: （供应商 某某公司，统一社会信用代码 …）. */
export const supplierText = (supplier: CommitmentSupplier | undefined): string =>
  supplier ? `（供应商 ${supplier.name}，统一社会信用代码 ${supplier.creditCode}）` : '';

/** `cycle-3` → 第3记分周期, `list-E1` → 名单有效期 (cycleDeadlineId, listDeadlineId). */
export function creditDeadlineName(deadlineId: string): string | null {
  const cycle = /^cycle-(\d+)$/.exec(deadlineId);
  if (cycle) return `第${cycle[1]}记分周期`;
  return deadlineId.startsWith('list-') ? '名单有效期' : null;
}

/** An institution's credit archive (信用档案) and its points streams in words. */
export const CREDIT_ARCHIVE_SUMMARIES: EventSummaries<CreditArchiveOwnEvent> = {
  CreditArchiveOpened: (d, c) =>
    `${d.implicit ? '因新记录自动' : `${c.person(d.openedBy)} `}建立信用档案：${d.name ?? c.unit(d.institutionId)}`,
  CreditCycleOpened: (d) => `第${d.cycleNo}记分周期开始：${chineseDate(d.startedAt)} 至 ${chineseDate(d.endsAt)}`,
  CreditCycleClosed: (d) =>
    `第${d.cycleNo}记分周期结束（${chineseDate(d.closedAt)}）${d.thresholdsReached.length > 0 ? `，达到 ${d.thresholdsReached.join('、')} 分档` : ''}`,
  CreditPointsAdded: (d, c) =>
    `${c.person(d.addedBy)} 记不良执业行为分：${c.term(d.behaviour)} ${d.points} 分${d.summary ? `（${d.summary}）` : ''}，第${d.cycleNo}记分周期`,
  CreditPointsRevoked: (d, c) => `${c.person(d.revokedBy)} 撤销记分 ${d.points} 分：${d.reason}`,
  CreditMeasureImposed: (d) => `本周期累计 ${d.totalPoints} 分，达到 ${d.thresholdPoints} 分档，采取措施：${measures(d.measures)}`,
  CreditNoticeIssued: (d) => `发出信用处理告知书（${measures(d.measures)}）${d.public ? '，并予通报' : ''}`,
  CommitmentPledged: (d, c) =>
    `${c.person(d.pledgedBy)} 登记${COMMITMENTS[d.kind] ?? d.kind}${d.staffId ? `（${c.person(d.staffId)}）` : ''}${supplierText(d.supplier)}${d.validUntil ? `，有效期至 ${chineseDate(d.validUntil)}` : ''}：${d.text}`,
  CommitmentBreached: (d, c) =>
    `${c.person(d.reportedBy)} 登记违反${COMMITMENTS[d.kind] ?? d.kind}${d.staffId ? `（${c.person(d.staffId)}）` : ''}${supplierText(d.supplier)}：${d.description}`,
  CreditInformationRecorded: (d, c) =>
    d.kind === 'commendation'
      ? `${c.person(d.recordedBy)} 记入表彰（${CREDIT_LABELS[d.infoClass] ?? d.infoClass}${d.departmentId ? '，表彰科室' : ''}）：${d.title}`
      : `${c.person(d.recordedBy)} 记入${CREDIT_LABELS[d.infoClass] ?? d.infoClass}：${d.title}`,
  ListEntryAdded: (d, c) => `${c.person(d.listedBy)} 列入${CREDIT_LABELS[d.list] ?? d.list}至 ${chineseDate(d.expiresAt)}：${d.reason}`,
  ListEntryExpired: (d) => `${CREDIT_LABELS[d.list] ?? d.list}期满移出（${chineseDate(d.expiredAt)}）`,
  ListEntryRemoved: (d, c) => `${c.person(d.removedBy)} 提前移出${CREDIT_LABELS[d.list] ?? d.list}：${d.reason}`,
};

/**
 * An applicant (`creditSubject-…`) in words: never a person's number (the registration names only
 * the kind; the audit shows the sealed number as IDENTITY_DISPLAY allows). Its adverse record is a
 * CreditInformationRecorded, summarised as the archives' are.
 */
export const CREDIT_SUBJECT_SUMMARIES: EventSummaries<CreditSubjectOwnEvent> = {
  CreditSubjectRegistered: (d, c) =>
    `${c.person(d.registeredBy)}（${c.unit(d.registeredIn)}）建立申请人信用记录：${CREDIT_SUBJECT_KIND_LABELS[d.kind]}${d.creditCode ? ` ${d.creditCode}` : ''}`,
  CreditChecked: (d, c) =>
    `${c.person(d.checkedBy)}（${c.unit(d.checkedIn)}）为${PURPOSES[d.purpose] ?? d.purpose}（${d.applicationRef}）核查信用：${CREDIT_LEVEL_LABELS[d.result.level] ?? d.result.level}，近5年不良信息 ${d.result.adverseRecords} 条${d.result.redListed ? '，在红名单' : ''}`,
  FalseMaterialFound: (d, c) =>
    `${c.person(d.foundBy)}（${c.unit(d.foundIn)}）认定申请${PURPOSES[d.purpose] ?? d.purpose}（${d.applicationRef}）时提供虚假材料${d.points !== null ? `，按信用政策记 ${d.points} 分` : ''}：${d.description}`,
};

const drawnUnits = (visits: readonly { readonly institutionId: string }[], c: SummaryContext): string =>
  visits.map((v) => c.unit(v.institutionId)).join('、') || '无';

/** A 双随机 draw (`randomDraw-<id>`) in words; never its seed before DrawRevealed (ADR 0018). */
export const RANDOM_DRAW_SUMMARIES: EventSummaries<RandomDrawEvent> = {
  DrawCommitted: (d, c) =>
    `${c.person(d.committedBy)} 登记双随机抽取并承诺种子（摘要 ${d.seedDigest.slice(0, 16)}…）：${c.unit(d.jurisdiction)}，抽取 ${d.count} 家，每家 ${d.inspectorsPerVisit} 名检查人员，计划 ${chineseDate(d.plannedDate)}`,
  DrawMade: (d, c) => `按承诺的种子抽取：${drawnUnits(d.visits, c)}（检查完成后公开）`,
  DrawRevealed: (d, c) =>
    `${c.person(d.revealedBy)} 公开抽取种子与结果（${d.visits.filter((v) => v.outcome === 'conducted').length} 家已检查，${d.visits.filter((v) => v.outcome === 'cancelled').length} 家已取消）`,
  DrawRequested: (d, c) =>
    `${c.person(d.requestedBy)} 发起双随机抽取：${c.unit(d.jurisdiction)}，抽取 ${d.count} 家，每家 ${d.inspectorsPerVisit} 名检查人员，计划 ${chineseDate(d.plannedDate)}`,
  DrawPublished: (d, c) => `${c.person(d.publishedBy)} 公开抽取结果：${drawnUnits(d.visits, c)}`,
  DrawCancelled: (d, c) => `${c.person(d.cancelledBy)} 取消抽取：${d.reason}`,
};

/** An inspector's declared conflicts of interest (回避) in words. */
export const INSPECTOR_CONFLICT_SUMMARIES: EventSummaries<InspectorConflictsEvent> = {
  ConflictOfInterestDeclared: (d, c) => `${c.person(d.inspectorId)} 申报与 ${c.unit(d.institutionId)} 存在利益关系（回避）：${d.reason}`,
  ConflictOfInterestWithdrawn: (d, c) => `${c.person(d.inspectorId)} 撤回对 ${c.unit(d.institutionId)} 的回避申报：${d.reason}`,
};

export const CREDIT_SUMMARY_CATALOGUE = summaryCatalogue<
  CreditArchiveOwnEvent | CreditSubjectOwnEvent | RandomDrawEvent | InspectorConflictsEvent
>(
  'credit',
  { ...CREDIT_ARCHIVE_SUMMARIES, ...CREDIT_SUBJECT_SUMMARIES, ...RANDOM_DRAW_SUMMARIES, ...INSPECTOR_CONFLICT_SUMMARIES },
  { deadlineName: creditDeadlineName, terms: CREDIT_BEHAVIOUR_LABELS },
);
