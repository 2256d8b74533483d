import { PATHS } from '../../routes';

export interface MenuEntry {
  readonly key: string;
  readonly label: string;
}

/** Each role's menu: the pages of its workspace, then the inbox everyone has. */
export function menuOf(role: string): MenuEntry[] {
  const inbox = { key: PATHS.inbox, label: '消息通知' };
  if (role === 'hospital')
    return [
      { key: PATHS.hospital, label: '待办事项' },
      { key: PATHS.hospitalLedger, label: '整改台账' },
      { key: PATHS.hospitalComplaints, label: '投诉办理' },
      { key: PATHS.hospitalEthics, label: '医德考评' },
      { key: PATHS.hospitalReports, label: '报送任务' },
      inbox,
    ];
  if (role === 'inspector')
    return [
      { key: PATHS.inspector, label: '待办事项' },
      { key: PATHS.inspectorVisits, label: '监督检查' },
      { key: PATHS.inspectorReviews, label: '销号审核' },
      { key: PATHS.inspectorComplaints, label: '投诉受理与督办' },
      { key: PATHS.inspectorReports, label: '报送任务' },
      { key: PATHS.campaigns, label: '专项行动' },
      { key: PATHS.draws, label: '双随机抽取' },
      { key: PATHS.notices, label: '通报公示' },
      { key: PATHS.referrals, label: '移交协查' },
      { key: PATHS.creditChecks, label: '准入信用核查' },
      inbox,
    ];
  if (role === 'leader')
    return [
      { key: PATHS.leader, label: '仪表盘' },
      { key: PATHS.leaderTodos, label: '待办事项' },
      { key: PATHS.leaderFindings, label: '督办台账' },
      { key: PATHS.campaigns, label: '专项行动' },
      { key: PATHS.draws, label: '双随机抽取' },
      { key: PATHS.notices, label: '通报公示' },
      { key: PATHS.referrals, label: '移交协查' },
      { key: PATHS.creditChecks, label: '信用核查记录' },
      inbox,
    ];
  if (role === 'partner') return [{ key: PATHS.partner, label: '移交案件' }, { key: PATHS.partnerLeads, label: '线索移送' }, inbox];
  if (role === 'admin')
    return [
      { key: PATHS.manage, label: '系统概况' },
      { key: PATHS.manageDirectory, label: '机构与用户' },
      { key: PATHS.manageCalendar, label: '工作日历' },
      { key: PATHS.managePolicies, label: '政策参数' },
      { key: PATHS.manageDeadLetters, label: '死信处理' },
      { key: PATHS.manageProjections, label: '读模型' },
      { key: PATHS.manageAccessLog, label: '访问日志' },
      { key: PATHS.manageDeliveries, label: '通知投递' },
      inbox,
    ];
  return [inbox];
}
