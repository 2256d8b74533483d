import { Skeleton } from 'antd';
import { ReportDutyList } from '../cases/duty/ReportDutyList';
import { useMe } from '../session/use-session';

/**
 * 报送任务 (inspector): the reports the inspector's own commission owes a campaign issued above it
 * (“报市卫生健康委”, ADR 0024), handed in from the duty's page; the reports it reviews are on 待办.
 */
export function InspectorReportsPage() {
  const me = useMe();
  if (!me.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <ReportDutyList owingUnitId={me.data.actor.unit} intro="上级卫生健康行政部门的专项行动要求本单位报送的材料。" />;
}
