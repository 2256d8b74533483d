import {
  OfficeColumn,
  OfficeSheetSpec,
  periodWordsOf,
  shanghaiDateCell,
  StatisticsHeading,
  statisticsSubtitle,
  statisticsTitle,
} from '@bihuan/platform';
import { VisibleListEntry } from '../domain/archive/credit-views';
import { CREDIT_LEVEL_LABELS, CREDIT_LIST_LABELS } from '../domain/credit-labels';
import { CREDIT_LEVELS, CreditLevel } from '../domain/credit-values';
import { VisibleCreditLevel } from './credit.queries';

/**
 * The leaders' credit figures as 通报 tables: how many institutions stand at each level (and which),
 * and the active list entries the reader may see. Both are as of the moment the file is made, so
 * their titles say 截至 that day.
 */

/** Credit stands as of the moment the file is made, whatever the period of the other tables. */
const asOfNow = (heading: StatisticsHeading): StatisticsHeading => ({
  ...heading,
  period: periodWordsOf(undefined, undefined, heading.generatedAt),
});

export interface CreditLevelLine {
  readonly seq: number | string;
  readonly level: string;
  readonly count: number;
  readonly share: number | string;
  readonly institutions: string;
}

/** 信用等级分布: A–D in order, empty levels included, with the institutions at each. */
export function creditLevelsSheet(
  levels: readonly VisibleCreditLevel[],
  unitName: (id: string) => string,
  heading: StatisticsHeading,
): OfficeSheetSpec<CreditLevelLine> {
  const at = (level: CreditLevel) => levels.filter((l) => l.level === level);
  const rows = CREDIT_LEVELS.map((level, i): CreditLevelLine => ({
    seq: i + 1,
    level: CREDIT_LEVEL_LABELS[level],
    count: at(level).length,
    share: levels.length === 0 ? '—' : at(level).length / levels.length,
    institutions: at(level)
      .map((l) => unitName(l.institutionId))
      .join('、'),
  }));
  const columns: OfficeColumn<CreditLevelLine>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: '信用等级', width: 18, value: (l) => l.level },
    { header: '机构数', width: 10, kind: 'number', value: (l) => l.count },
    { header: '占比', width: 10, kind: 'percent', value: (l) => l.share },
    { header: '机构名单', width: 60, value: (l) => l.institutions },
  ];
  const total: CreditLevelLine = { seq: '合计', level: '', count: levels.length, share: levels.length === 0 ? '—' : 1, institutions: '' };
  return {
    sheetName: '信用等级分布',
    title: statisticsTitle(asOfNow(heading), '医疗机构信用等级分布表'),
    subtitle: statisticsSubtitle(heading, '按生成时的信用等级统计，未建档机构按A级计'),
    columns,
    rows,
    totals: columns.map((c) => c.value(total)),
    generatedAt: heading.generatedAt,
  };
}

export interface CreditListLine {
  readonly seq: number;
  readonly entry: VisibleListEntry;
  readonly institution: string;
}

/** 红黑名单: the active entries the reader may see, oldest first (the black list only for partners). */
export function creditListsSheet(
  entries: readonly VisibleListEntry[],
  unitName: (id: string) => string,
  heading: StatisticsHeading,
): OfficeSheetSpec<CreditListLine> {
  const columns: OfficeColumn<CreditListLine>[] = [
    { header: '序号', width: 6, kind: 'number', value: (l) => l.seq },
    { header: '机构名称', width: 28, value: (l) => l.institution },
    { header: '名单', width: 10, value: (l) => CREDIT_LIST_LABELS[l.entry.list] },
    { header: '列入事由', width: 40, value: (l) => l.entry.reason },
    { header: '列入日期', width: 12, kind: 'date', value: (l) => shanghaiDateCell(l.entry.listedAt) },
    { header: '到期日期', width: 12, kind: 'date', value: (l) => shanghaiDateCell(l.entry.expiresAt) },
  ];
  return {
    sheetName: '红黑名单',
    title: statisticsTitle(asOfNow(heading), '红黑名单在列情况表'),
    subtitle: statisticsSubtitle(heading, '在列（未到期、未移出）的名单'),
    columns,
    rows: entries.map((entry, i) => ({ seq: i + 1, entry, institution: unitName(entry.institutionId) })),
    totals: columns.map((_, i) => (i === 0 ? '合计' : i === 1 ? `${entries.length}条` : null)),
    generatedAt: heading.generatedAt,
  };
}
