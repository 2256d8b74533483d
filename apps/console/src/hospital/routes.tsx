import { Route, Routes } from 'react-router';
import { TodoPage } from '../shared/TodoPage';

/** The hospital's workspace (issue 20 item 3): 待办, 整改台账, 投诉办理, 医德考评. */
export function HospitalRoutes() {
  return (
    <Routes>
      <Route index element={<TodoPage title="待办事项" />} />
    </Routes>
  );
}
