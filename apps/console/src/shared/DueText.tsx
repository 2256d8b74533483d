import { Space, Tag, Tooltip } from 'antd';
import { beijingDate, workingDaysText } from './time';

/**
 * A due date as people read it: the Beijing date, then the working days left (when the answer gives
 * them) or at least whether it is overdue; 暂定 when the date was counted over a year whose holidays
 * are not yet published.
 */
export function DueText({
  dueAt,
  overdue,
  workingDaysLeft,
  provisional,
}: {
  dueAt: string | null | undefined;
  overdue: boolean;
  workingDaysLeft?: number | null;
  provisional?: boolean;
}) {
  if (!dueAt) return <span>—</span>;
  const left = workingDaysLeft ?? null;
  return (
    <Space size={4} wrap>
      <span>{beijingDate(dueAt)}</span>
      {left !== null ? (
        <Tag color={overdue || left < 0 ? 'red' : left <= 2 ? 'orange' : 'blue'}>{workingDaysText(left)}</Tag>
      ) : (
        overdue && <Tag color="red">已逾期</Tag>
      )}
      {provisional && (
        <Tooltip title="次年法定节假日尚未公布，期限按暂定日历计算，公布后可能调整">
          <Tag>暂定</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
