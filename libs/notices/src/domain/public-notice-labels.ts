import { PublicityClass, PublicNoticeKind, PublicNoticeStatus } from './public-notice-values';

/** The Chinese words of public notices, one map per word list (public-notice-values.ts), served by GET /catalogue. */
export const PUBLIC_NOTICE_KIND_LABELS: Readonly<Record<PublicNoticeKind, string>> = {
  'complaint-statistics': '投诉举报办理情况通报',
  'inspection-results': '监督检查结果通报',
  'credit-list-changes': '信用红名单变动公示',
  'campaign-summary': '专项行动情况通报',
};

export const PUBLIC_NOTICE_STATUS_LABELS: Readonly<Record<PublicNoticeStatus, string>> = {
  draft: '草稿',
  published: '已发布',
};

export const PUBLICITY_CLASS_LABELS: Readonly<Record<PublicityClass, string>> = {
  basic: '基础信息（长期公示）',
  adverse: '不良信息（公示五年）',
};
