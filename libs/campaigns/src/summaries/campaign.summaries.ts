import { chineseDate, EventSummaries, summaryCatalogue } from '@bihuan/core';
import { CampaignEvent } from '../domain/campaign.messages';
import { ReportDutyOwnEvent } from '../domain/duty/report-duty.messages';
import { REPORT_DUTY_SUMMARIES, reportDutyDeadlineName } from './report-duty.summaries';

const CHANGED: Readonly<Record<'title' | 'phases' | 'scope', string>> = { title: '标题', phases: '阶段安排', scope: '范围' };

const period = (phases: readonly { from: string; to: string }[]): string =>
  phases.length > 0 ? `${chineseDate(phases[0]!.from)} 至 ${chineseDate(phases[phases.length - 1]!.to)}` : '';

/** A campaign (专项行动, `campaign-<id>`) in words (docs/campaigns.md). */
export const CAMPAIGN_SUMMARIES: EventSummaries<CampaignEvent> = {
  CampaignLaunched: (d, c) =>
    `${c.person(d.launchedBy)} 以${c.unit(d.issuingUnitId)}名义发起专项行动“${d.title}”：${d.institutionIds.length} 家机构，${d.phases.length} 个阶段（${period(d.phases)}）`,
  CampaignAmended: (d, c) => `${c.person(d.amendedBy)} 调整专项行动${d.changed.map((k) => CHANGED[k] ?? k).join('、')}：${d.reason}`,
  CampaignClosed: (d, c) =>
    `${c.person(d.closedBy)} 结束专项行动${d.carriedOver.length > 0 ? `，${d.carriedOver.length} 项未销号问题结转：${d.reason ?? ''}` : ''}`,
};

/** Campaigns and their reporting duties: one context, one catalogue. */
export const CAMPAIGNS_SUMMARY_CATALOGUE = summaryCatalogue<CampaignEvent | ReportDutyOwnEvent>(
  'campaigns',
  { ...CAMPAIGN_SUMMARIES, ...REPORT_DUTY_SUMMARIES },
  { deadlineName: reportDutyDeadlineName },
);
