import { ReportDutyList } from '../cases/duty/ReportDutyList';

/** 报送任务 (hospital): the reports the institution owes its campaigns (the API lists its own only). */
export function ReportsPage() {
  return <ReportDutyList />;
}
