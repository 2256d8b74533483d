import { Route, Routes } from 'react-router';
import { TodoPage } from '../shared/TodoPage';
import { ComplaintsPage } from './ComplaintsPage';
import { InspectorReportsPage } from './ReportsPage';
import { ReviewsPage } from './ReviewsPage';
import { VisitsPage } from './VisitsPage';

/** The inspector's workspace (issue 20 item 4): 待办, 监督检查, 销号审核, 投诉受理与督办; 报送任务 its own commission owes (ADR 0024). */
export function InspectorRoutes() {
  return (
    <Routes>
      <Route index element={<TodoPage title="待办事项" />} />
      <Route path="visits" element={<VisitsPage />} />
      <Route path="reviews" element={<ReviewsPage />} />
      <Route path="complaints" element={<ComplaintsPage />} />
      <Route path="reports" element={<InspectorReportsPage />} />
    </Routes>
  );
}
