import { shanghaiDate } from '@bihuan/core';
import { CreditArchiveState, CreditList, creditListsSheet, ListEntry, seesBlacklist, VisibleListEntry } from '@bihuan/credit';
import { periodWordsOf, StatisticsHeading, statisticsSubtitle, statisticsTitle } from '@bihuan/platform';
import { NoticePeriod, NoticeTable } from '../../domain/public-notice.messages';
import { noticeTableOf } from './notice-table';

/** One change of a list entry within the period: listed, or off the list (expired or removed). */
interface ListChange {
  readonly institutionId: string;
  readonly entry: ListEntry;
  readonly change: '列入' | '到期移出' | '提前移出';
  readonly day: string;
}

/**
 * What a notice may print of a list entry: seed 002 makes the red list basic information (public),
 * the black list partner-only — the credit context's rule (`seesBlacklist`) for the anonymous reader,
 * the same one the public credit page applies.
 */
const mayPublish = (list: CreditList): boolean => list === 'red' || seesBlacklist('anonymous');

/** Listings, expiries and removals whose Beijing day lies in the period, by day then institution. */
export function listChanges(archives: ReadonlyMap<string, CreditArchiveState>, period: NoticePeriod): ListChange[] {
  const within = (instant: string | null): string | null => {
    const day = instant ? shanghaiDate(instant) : null;
    return day !== null && day >= period.from && day <= period.to ? day : null;
  };
  const changes: ListChange[] = [];
  for (const [institutionId, archive] of archives) {
    if (archive.status !== 'open') continue;
    for (const entry of Object.values(archive.lists).filter((e) => mayPublish(e.list))) {
      const listed = within(entry.listedAt);
      if (listed) changes.push({ institutionId, entry, change: '列入', day: listed });
      const ended = entry.status === 'active' ? null : within(entry.endedAt);
      if (ended) changes.push({ institutionId, entry, change: entry.status === 'expired' ? '到期移出' : '提前移出', day: ended });
    }
  }
  return changes.sort((a, b) => a.day.localeCompare(b.day) || a.institutionId.localeCompare(b.institutionId));
}

/** 红名单变动情况 over the period, then the red list in force when published (the credit context's sheet). */
export function redListTables(
  changes: readonly ListChange[],
  active: readonly VisibleListEntry[],
  heading: StatisticsHeading,
  unitName: (id: string) => string,
): NoticeTable[] {
  const changed: NoticeTable = {
    title: statisticsTitle(heading, '信用红名单变动情况表'),
    subtitle: statisticsSubtitle(heading, '按列入、移出日期统计'),
    columns: ['序号', '机构名称', '变动', '列入事由', '列入日期', '有效期至', '变动日期'],
    rows: changes.map((c, i) => [
      String(i + 1),
      unitName(c.institutionId),
      c.change,
      c.entry.reason,
      shanghaiDate(c.entry.listedAt),
      shanghaiDate(c.entry.expiresAt),
      c.day,
    ]),
    totals: ['合计', `${changes.length}项`, '', '', '', '', ''],
  };
  // The credit context's sheet of the entries in force; a red-only table needs no 名单 column.
  const inForce = creditListsSheet(
    active.filter((e) => mayPublish(e.list)),
    unitName,
    heading,
  );
  const asOf = { ...heading, period: periodWordsOf(undefined, undefined, heading.generatedAt) };
  return [
    changed,
    noticeTableOf({ ...inForce, title: statisticsTitle(asOf, '信用红名单在列情况表') }, [
      '序号',
      '机构名称',
      '列入事由',
      '列入日期',
      '到期日期',
    ]),
  ];
}

export const RED_LIST_NOTES = [
  '依据信用信息分类管理规定，红名单属基础信息，予以公示；黑名单信息仅在签订联合惩戒合作备忘录的单位之间共享，不予公示。',
] as const;
