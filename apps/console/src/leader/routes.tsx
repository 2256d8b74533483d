import { Route, Routes } from 'react-router';
import { DashboardPage } from './DashboardPage';
import { LedgerAsOfPage } from '../audit/LedgerAsOfPage';
import { TodoPage } from '../shared/TodoPage';
import { LeaderFindingsPage } from './LeaderFindingsPage';

/**
 * The leaders' workspace: 仪表盘, 待办事项, 督办台账 (the drill-down list) and an institution's ledger as of
 * any day. A lazy chunk of its own, so ECharts reaches only the leaders who open it.
 */
export function LeaderRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="todos" element={<TodoPage title="待办事项" />} />
      <Route path="findings" element={<LeaderFindingsPage />} />
      <Route path="ledgers/:institutionId" element={<LedgerAsOfPage />} />
    </Routes>
  );
}
