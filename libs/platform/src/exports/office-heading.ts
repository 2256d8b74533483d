import { chineseDate } from '@bihuan/core';
import { shanghaiInstantWords } from './office-dates';

/**
 * What the title of a statistics table (通报表) says whichever context's figures it holds: whose
 * figures, over which period, made when. The leaders' export puts several contexts' tables in one
 * workbook, so they share one heading.
 */
export interface StatisticsHeading {
  /** The jurisdiction or institution the figures cover: a unit's name, never its id. */
  readonly scope: string;
  /** 2025年3月1日至2025年3月31日, or 截至2025年3月31日 (periodWordsOf). */
  readonly period: string;
  /** When the figures were read (填报日期, 生成时间). */
  readonly generatedAt: string;
}

/** The period of Beijing dates (YYYY-MM-DD, both inclusive) as a title says it; an open end runs to the day made. */
export function periodWordsOf(from: string | undefined, to: string | undefined, generatedAt: string): string {
  if (from) return `${chineseDate(from)}至${chineseDate(to ?? generatedAt)}`;
  return `截至${chineseDate(to ?? generatedAt)}`;
}

/** 甲市卫生健康委员会问题整改情况统计表（按机构，2025年3月1日至2025年3月31日） */
export function statisticsTitle(heading: StatisticsHeading, table: string, by?: string): string {
  return `${heading.scope}${table}（${by ? `${by}，` : ''}${heading.period}）`;
}

/** The line under the title: what the figures count by, and when they were read (Beijing time). */
export function statisticsSubtitle(heading: StatisticsHeading, basis: string): string {
  return `${basis}；生成时间：${shanghaiInstantWords(heading.generatedAt)}（北京时间）`;
}
