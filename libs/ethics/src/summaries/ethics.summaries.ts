import { chineseDate, EventSummaries, summaryCatalogue } from '@bihuan/core';
import { EthicsArchiveDomainEvent } from '../domain/archive/ethics-archive.events';
import { EthicsEvaluationEvent } from '../domain/evaluation/ethics-evaluation.events';
import { ETHICS_GRADE_LABELS, ETHICS_SOURCE_LABELS, VETO_ITEM_LABELS, VetoItem } from '../domain/ethics-values';
import { listOfDeadline, STAFF_LIST_LABELS } from '../domain/archive/staff-lists';

const signed = (n: number): string => (n > 0 ? `加${n}分` : n < 0 ? `扣${-n}分` : '不计分');
const vetoes = (items: readonly VetoItem[]): string =>
  items.length > 0 ? `，一票否决：${items.map((v) => VETO_ITEM_LABELS[v] ?? v).join('、')}` : '';

/** A staff member's ethics archive (医德档案) in words. */
/** EvidenceAttached is core's (EVIDENCE_SUMMARIES). */
export const ETHICS_ARCHIVE_SUMMARIES: EventSummaries<EthicsArchiveDomainEvent> = {
  EthicsArchiveOpened: (d, c) =>
    `${d.implicit ? '因新记录自动' : `${c.person(d.openedBy)} `}建立医德档案：${d.name ?? c.person(d.staffId)}（${c.unit(d.institutionId)}）`,
  EthicsRecordAdded: (d, c) =>
    `${c.person(d.addedBy)} 记入医德档案（${ETHICS_SOURCE_LABELS[d.sourceKind] ?? d.sourceKind}）：${d.summary}，${signed(d.points)}${d.vetoItem ? `，一票否决：${VETO_ITEM_LABELS[d.vetoItem] ?? d.vetoItem}` : ''}（计入${d.year}年度）`,
  EthicsRecordRetracted: (d, c) => `${c.person(d.retractedBy)} 撤回医德档案记录：${d.reason}`,
  StaffListEntryAdded: (d, c) =>
    `${c.person(d.listedBy)} 将 ${c.person(d.staffId)} 列入${STAFF_LIST_LABELS[d.list] ?? d.list}至 ${chineseDate(d.expiresAt)}：${d.reason}`,
  StaffListEntryExpired: (d, c) => `${c.person(d.staffId)} ${STAFF_LIST_LABELS[d.list] ?? d.list}期满移出（${chineseDate(d.expiredAt)}）`,
  StaffListEntryRemoved: (d, c) =>
    `${c.person(d.removedBy)} 将 ${c.person(d.staffId)} 提前移出${STAFF_LIST_LABELS[d.list] ?? d.list}：${d.reason}`,
};

/** `red-list-E1` → 红榜有效期 (staffListDeadlineId). */
export function ethicsDeadlineName(deadlineId: string): string | null {
  const list = listOfDeadline(deadlineId);
  return list ? `${STAFF_LIST_LABELS[list]}有效期` : null;
}

/** A staff member's annual evaluation (医德考评) in words; grades in Chinese (ETHICS_GRADE_LABELS). */
export const ETHICS_EVALUATION_SUMMARIES: EventSummaries<EthicsEvaluationEvent> = {
  EthicsEvaluationOpened: (d, c) =>
    `${c.person(d.openedBy)} 启动 ${d.year} 年度医德考评：${c.person(d.staffId)}（${c.unit(d.institutionId)}）`,
  SelfEvaluationSubmitted: (d, c) =>
    `${c.person(d.submittedBy)} 提交个人自评${d.selfScore !== null ? `（自评${d.selfScore}分）` : ''}：${d.summary}`,
  EthicsEvaluationReviewed: (d, c) => `${c.person(d.reviewedBy)} 科室评价 ${d.departmentScore} 分${d.comment ? `：${d.comment}` : ''}`,
  EthicsEvaluationScored: (d, c) =>
    `${c.person(d.scoredBy)} 单位评分：最终 ${d.finalScore} 分，拟定等次 ${ETHICS_GRADE_LABELS[d.provisionalGrade] ?? d.provisionalGrade}${vetoes(d.vetoItems)}`,
  EthicsEvaluationPosted: (d, c) => `${c.person(d.postedBy)} 公示考评结果：${chineseDate(d.from)} 至 ${chineseDate(d.until)}`,
  EthicsEvaluationFinalised: (d, c) =>
    `${c.person(d.finalisedBy)} 确定 ${d.year} 年度医德考评等次：${c.person(d.staffId)} ${ETHICS_GRADE_LABELS[d.grade] ?? d.grade}（${d.finalScore}分）${d.downgradedByCap ? '，因优秀比例限制由优秀调整' : ''}${d.passesPeriodicAssessment ? '' : '，定期考核不合格'}`,
};

export const ETHICS_SUMMARY_CATALOGUE = summaryCatalogue<EthicsArchiveDomainEvent | EthicsEvaluationEvent>(
  'ethics',
  { ...ETHICS_ARCHIVE_SUMMARIES, ...ETHICS_EVALUATION_SUMMARIES },
  { deadlineName: ethicsDeadlineName },
);
