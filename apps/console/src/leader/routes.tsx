import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage';
import { LedgerAsOfPage } from '../audit/LedgerAsOfPage';
import { LeaderFindingsPage } from './LeaderFindingsPage';

/**
 * The leaders' workspace: 仪表盘, 督办台账 (the drill-down list) and an institution's ledger as of any
 * day. A lazy chunk of its own, so ECharts reaches only the leaders who open it.
 */
export function LeaderRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="findings" element={<LeaderFindingsPage />} />
      <Route path="ledgers/:institutionId" element={<LedgerAsOfPage />} />
    </Routes>
  );
}
