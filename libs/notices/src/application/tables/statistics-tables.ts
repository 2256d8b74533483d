import { ComplaintStatistics, statisticsSheet } from '@bihuan/complaints';
import { findingsByCategorySheet, findingsByInstitutionSheet, LedgerCounts } from '@bihuan/inspection';
import { StatisticsHeading } from '@bihuan/platform';
import { NoticeTable } from '../../domain/public-notice.messages';
import { noticeTableOf } from './notice-table';

/**
 * The complaints' and the ledger's 通报 tables as a public notice prints them: each context lays out
 * its own sheet (the one the leaders' export files), the notice picks the columns an A4 page holds.
 * Only counts and rates by institution or category: no complainant, no ticket, no staff member.
 */

const COMPLAINT_RATES = ['受理件数', '办结', '超期', '签收按时率', '反馈按时率', '满意率', '属实率'] as const;

/** 投诉举报办理情况 by institution and by category, over the period's days of receipt. */
export function complaintTables(
  byInstitution: ComplaintStatistics,
  byCategory: ComplaintStatistics,
  heading: StatisticsHeading,
  unitName: (id: string) => string,
): NoticeTable[] {
  return [
    noticeTableOf(statisticsSheet(byInstitution, unitName, heading), ['序号', '单位名称', ...COMPLAINT_RATES]),
    noticeTableOf(statisticsSheet(byCategory, unitName, heading), ['序号', '问题类别', ...COMPLAINT_RATES]),
  ];
}

export const COMPLAINT_NOTES = [
  '本表按受理时间统计；签收、反馈按时率按规定办理时限计算，满意率按回访评价计算，属实率按调查处理意见计算。',
  '投诉人的姓名、联系方式等个人信息依法予以保护，不予公开。',
] as const;

/** 问题整改情况 by institution and by finding category, over the period's days found. */
export function inspectionTables(counts: LedgerCounts, heading: StatisticsHeading): NoticeTable[] {
  return [noticeTableOf(findingsByInstitutionSheet(counts, heading)), noticeTableOf(findingsByCategorySheet(counts, heading))];
}

export const INSPECTION_NOTES = [
  '本表按问题发现日期统计；逾期未改按发布时的整改时限计算，销号率为已销号问题占未撤销问题的比例。',
  '问题责任人等个人信息不予公开。',
] as const;
