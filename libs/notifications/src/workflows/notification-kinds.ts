/**
 * What a notification tells of: the rules (workflows/) choose one per message; people turn e-mail
 * or SMS off per kind (preferences) and read its name on the admin's delivery list.
 */
export const NOTIFICATION_KINDS = [
  'assignment',
  'deadlineWarning',
  'reminder',
  'escalation',
  'request',
  'approval',
  'rejection',
  'signOff',
  'followUpDue',
  'statusChange',
  'complaintStatus',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Catalogue `notificationKinds`. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  assignment: '新任务',
  deadlineWarning: '时限预警',
  reminder: '催办',
  escalation: '升级督办',
  request: '待审批',
  approval: '已批准',
  rejection: '退回或驳回',
  signOff: '销号',
  followUpDue: '待回访',
  statusChange: '状态变化',
  complaintStatus: '投诉办理进度（短信告知投诉人）',
};
