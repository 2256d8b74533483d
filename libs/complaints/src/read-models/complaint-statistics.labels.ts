import { ComplaintCategory } from '../domain/complaint-vocabulary';
import { StatisticsGroup } from './complaint-statistics.query';

/**
 * Words of the statistics export (通报表), one map per code. Kept beside the export until the shared
 * catalogue of words (issue 17, item 1) serves them.
 */

/** 问题类别 of a complaint (complaint-vocabulary.ts). */
export const COMPLAINT_CATEGORY_LABELS: Readonly<Record<ComplaintCategory, string>> = {
  'service-attitude': '服务态度',
  'medical-quality': '医疗质量',
  fees: '收费问题',
  'red-envelopes-kickbacks': '红包回扣',
  'medical-ethics': '医德医风',
  waiting: '候诊排队',
  privacy: '泄露隐私',
  environment: '就医环境',
  other: '其他',
};

/** The header of the group column, per grouping. */
export const STATISTICS_GROUP_LABELS: Readonly<Record<StatisticsGroup, string>> = {
  none: '范围',
  institution: '单位名称',
  category: '问题类别',
  month: '受理月份',
};

/** A ticket not yet assigned to an institution (the group key `(unassigned)`). */
export const UNASSIGNED_LABEL = '未指派单位';
