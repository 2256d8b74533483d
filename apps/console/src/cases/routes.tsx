import { Route, Routes } from 'react-router';
import { CaseAuditPage } from '../audit/CaseAuditPage';
import { ComplaintPage } from './ComplaintPage';
import { CreditChecksPage } from './CreditChecksPage';
import { FindingPage } from './FindingPage';
import { ReportDutyPage } from './ReportDutyPage';
import { VisitPage } from './VisitPage';

/** A case's own page, whoever opens it (links in to-dos and notifications lead here). */
export function CaseRoutes() {
  return (
    <Routes>
      <Route path="findings/:findingId" element={<FindingPage />} />
      <Route path="visits/:visitId" element={<VisitPage />} />
      <Route path="complaints/:ticketId" element={<ComplaintPage />} />
      <Route path="audit/:stream" element={<CaseAuditPage />} />
      <Route path="report-duties/:dutyId" element={<ReportDutyPage />} />
      <Route path="credit-checks" element={<CreditChecksPage />} />
    </Routes>
  );
}
