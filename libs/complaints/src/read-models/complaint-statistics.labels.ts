import { StatisticsGroup } from './complaint-statistics.query';

/**
 * Words only the statistics export (通报表) uses. A category's label is the domain's
 * (complaint-labels.ts, served by GET /catalogue).
 */

/** The header of the group column, per grouping. */
export const STATISTICS_GROUP_LABELS: Readonly<Record<StatisticsGroup, string>> = {
  none: '范围',
  institution: '单位名称',
  category: '问题类别',
  month: '受理月份',
};

/** A ticket not yet assigned to an institution (the group key `(unassigned)`). */
export const UNASSIGNED_LABEL = '未指派单位';
