import { Route, Routes } from 'react-router';
import { TodoPage } from '../shared/TodoPage';
import { ComplaintListPage } from './ComplaintListPage';
import { EthicsEvaluationPage } from './ethics/EthicsEvaluationPage';
import { EthicsListPage } from './ethics/EthicsListPage';
import { LedgerPage } from './LedgerPage';
import { ReportsPage } from './ReportsPage';

/** The hospital's workspace (issue 20 item 3): 待办, 整改台账, 投诉办理, 医德考评, 报送任务. */
export function HospitalRoutes() {
  return (
    <Routes>
      <Route index element={<TodoPage title="待办事项" />} />
      <Route path="ledger" element={<LedgerPage />} />
      <Route path="complaints" element={<ComplaintListPage />} />
      <Route path="ethics" element={<EthicsListPage />} />
      <Route path="ethics/:institutionId/:year/:staffId" element={<EthicsEvaluationPage />} />
      <Route path="reports" element={<ReportsPage />} />
    </Routes>
  );
}
