import { Space, Tag } from 'antd';
import { useCatalogue } from '../../shared/catalogue';

const STATUS_COLORS: Readonly<Record<string, string>> = {
  assigned: 'blue',
  submitted: 'gold',
  returned: 'volcano',
  accepted: 'green',
  withdrawn: 'default',
};

/**
 * Where a duty stands as people read it: the status (待报送, 待审核, 已退回, 已通过, 已撤销), 已逾期 while
 * it is owed past its due instant, and the rung of the overdue ladder reached (逾期催报, 督办).
 */
export function DutyStateTags({
  status,
  overdue,
  escalationRung,
}: {
  status: string;
  overdue: boolean;
  escalationRung: string | null | undefined;
}) {
  const words = useCatalogue();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[status] ?? 'default'}>{words.label('reportDutyStatuses', status)}</Tag>
      {overdue && <Tag color="red">已逾期</Tag>}
      {escalationRung && <Tag color="magenta">{words.label('reportDutyEscalationRungs', escalationRung)}</Tag>}
    </Space>
  );
}
