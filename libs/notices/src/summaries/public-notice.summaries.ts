import { EventSummaries, summaryCatalogue } from '@bihuan/core';
import { PUBLIC_NOTICE_KIND_LABELS } from '../domain/public-notice-labels';
import { PublicNoticeEvent } from '../domain/public-notice.messages';

const CHANGED: Readonly<Record<'title' | 'preface' | 'period' | 'campaignId', string>> = {
  title: '标题',
  preface: '正文',
  period: '统计期间',
  campaignId: '专项行动',
};

/** A public notice (通报 · 公示, `publicNotice-<id>`) in words (docs/events/notices.md). */
export const PUBLIC_NOTICE_SUMMARIES: EventSummaries<PublicNoticeEvent> = {
  PublicNoticeDrafted: (d, c) =>
    `${c.person(d.draftedBy)} 以${c.unit(d.issuingUnitId)}名义起草${d.corrects ? (d.withdraw ? '撤销' : '更正') : ''}${PUBLIC_NOTICE_KIND_LABELS[d.kind] ?? d.kind}“${d.title}”`,
  PublicNoticeDraftRevised: (d, c) => `${c.person(d.revisedBy)} 修改通报草稿的${d.changed.map((k) => CHANGED[k] ?? k).join('、')}`,
  PublicNoticePublished: (d, c) =>
    `${c.person(d.publishedBy)} 发布通报 ${d.documentNo}“${d.content.title}”：${d.content.tables.length} 张表，内容摘要（SM3）${d.digest.slice(0, 12)}…`,
  PublicNoticeCorrected: (d, c) => `${c.person(d.markedBy)} ${d.withdraw ? '撤销' : '更正'}本通报（见通报 ${d.correctionNoticeId}）`,
};

export const NOTICES_SUMMARY_CATALOGUE = summaryCatalogue<PublicNoticeEvent>('notices', PUBLIC_NOTICE_SUMMARIES);
