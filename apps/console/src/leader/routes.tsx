import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage';
import { LeaderFindingsPage } from './LeaderFindingsPage';

/**
 * The leaders' workspace (issue 21 item 1): 仪表盘 and 督办台账, the drill-down list. A lazy chunk of
 * its own, so ECharts reaches only the leaders who open it.
 */
export function LeaderRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="findings" element={<LeaderFindingsPage />} />
    </Routes>
  );
}
