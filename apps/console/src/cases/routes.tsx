import { Route, Routes } from 'react-router';
import { CaseAuditPage } from '../audit/CaseAuditPage';
import { ReferralPage } from '../referrals/ReferralPage';
import { ReferralsPage } from '../referrals/ReferralsPage';
import { ComplaintPage } from './ComplaintPage';
import { FindingPage } from './FindingPage';
import { VisitPage } from './VisitPage';

/** A case's own page, whoever opens it (links in to-dos and notifications lead here). */
export function CaseRoutes() {
  return (
    <Routes>
      <Route path="findings/:findingId" element={<FindingPage />} />
      <Route path="visits/:visitId" element={<VisitPage />} />
      <Route path="complaints/:ticketId" element={<ComplaintPage />} />
      <Route path="audit/:stream" element={<CaseAuditPage />} />
      <Route path="referrals" element={<ReferralsPage />} />
      <Route path="referrals/:referralId" element={<ReferralPage />} />
    </Routes>
  );
}
