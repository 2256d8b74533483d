import { Route, Routes } from 'react-router';
import './manage.css';
import { AccessLogPage } from './AccessLogPage';
import { CalendarPage } from './CalendarPage';
import { DeadLettersPage } from './DeadLettersPage';
import { DeliveriesPage } from './DeliveriesPage';
import { DirectoryPage } from './directory/DirectoryPage';
import { ManageHomePage } from './ManageHomePage';
import { PoliciesPage } from './policies/PoliciesPage';
import { ProjectionsPage } from './ProjectionsPage';

/**
 * The admins' workspace (系统管理, issue 21 item 3): the directory, the working-day calendar, policy
 * settings, the worker's dead letters and read models, the access log and notification deliveries.
 * Under /manage: /admin is the API's own prefix.
 */
export function ManageRoutes() {
  return (
    <Routes>
      <Route index element={<ManageHomePage />} />
      <Route path="directory" element={<DirectoryPage />} />
      <Route path="calendar" element={<CalendarPage />} />
      <Route path="policies" element={<PoliciesPage />} />
      <Route path="dead-letters" element={<DeadLettersPage />} />
      <Route path="projections" element={<ProjectionsPage />} />
      <Route path="access-log" element={<AccessLogPage />} />
      <Route path="deliveries" element={<DeliveriesPage />} />
    </Routes>
  );
}
