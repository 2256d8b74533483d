import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { CaseAuditPage } from '../audit/CaseAuditPage';
import { ReferralPage } from '../referrals/ReferralPage';
import { ReferralsPage } from '../referrals/ReferralsPage';
import { ComplaintPage } from './ComplaintPage';
import { CreditChecksPage } from './CreditChecksPage';
import { FindingPage } from './FindingPage';
import { ReportDutyPage } from './ReportDutyPage';
import { VisitPage } from './VisitPage';

// The commission's notices and draws load on first use: a hospital opening a finding never downloads them.
const NoticesPage = lazy(() => import('./notices/NoticesPage').then((m) => ({ default: m.NoticesPage })));
const NoticePage = lazy(() => import('./notices/NoticePage').then((m) => ({ default: m.NoticePage })));
const DrawsPage = lazy(() => import('./draws/DrawsPage').then((m) => ({ default: m.DrawsPage })));
const DrawPage = lazy(() => import('./draws/DrawPage').then((m) => ({ default: m.DrawPage })));
/* 专项行动 pages load on demand: a finding opened from a notification does not download the campaign forms. */
const CampaignsPage = lazy(() => import('./campaign/CampaignsPage').then(({ CampaignsPage }) => ({ default: CampaignsPage })));
const CampaignPage = lazy(() => import('./campaign/CampaignPage').then(({ CampaignPage }) => ({ default: CampaignPage })));

/** A case's own page, whoever opens it (links in to-dos and notifications lead here). */
export function CaseRoutes() {
  return (
    <Suspense fallback={<Spin fullscreen />}>
      <Routes>
        <Route path="findings/:findingId" element={<FindingPage />} />
        <Route path="visits/:visitId" element={<VisitPage />} />
        <Route path="complaints/:ticketId" element={<ComplaintPage />} />
        <Route path="audit/:stream" element={<CaseAuditPage />} />
        <Route path="report-duties/:dutyId" element={<ReportDutyPage />} />
        <Route path="credit-checks" element={<CreditChecksPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/:campaignId" element={<CampaignPage />} />
        <Route path="referrals" element={<ReferralsPage />} />
        <Route path="referrals/:referralId" element={<ReferralPage />} />
        <Route path="notices" element={<NoticesPage />} />
        <Route path="notices/:noticeId" element={<NoticePage />} />
        <Route path="draws" element={<DrawsPage />} />
        <Route path="draws/:drawId" element={<DrawPage />} />
      </Routes>
    </Suspense>
  );
}
