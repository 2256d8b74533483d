import { Notification } from '../notification';

/** A deadline warning as the later workflow will make it: Chinese text, deterministic id. */
export function deadlineWarning(id = 'n-finding-f1-warning-1', overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'deadlineWarning',
    title: '整改期限即将届满：门诊处方点评问题',
    body: '您单位负责的问题“门诊处方点评不规范”整改期限将于 3 个工作日后届满，请及时提交整改材料。',
    link: '/findings/f1',
    stream: 'finding-f1',
    recipient: { userId: 'u-zhang', unitId: 'unit-h1', email: 'zhang@hospital.example.cn', phone: '13800001234', webhookEndpoints: ['oa'] },
    occurredAt: '2025-03-03T01:00:00.000Z',
    ...overrides,
  };
}
