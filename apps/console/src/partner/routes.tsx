import { Route, Routes } from 'react-router';
import { LeadsPage } from './LeadsPage';
import { PartnerReferralsPage } from './PartnerReferralsPage';
import { PartnerRoleGate } from './PartnerRoleGate';

/**
 * The partner agencies' workspace (纪检监察, 公安, 医保 … issue 22 item 4): 移交案件 received by the
 * agency and 线索移送 it sent. A referral itself opens at PATHS.referral, the page both sides share.
 */
export function PartnerRoutes() {
  return (
    <PartnerRoleGate>
      <Routes>
        <Route index element={<PartnerReferralsPage />} />
        <Route path="leads" element={<LeadsPage />} />
      </Routes>
    </PartnerRoleGate>
  );
}
