import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { CaseAuditPage } from '../audit/CaseAuditPage';
import { ComplaintPage } from './ComplaintPage';
import { FindingPage } from './FindingPage';
import { VisitPage } from './VisitPage';

/* 专项行动 pages load on demand: a finding opened from a notification does not download the campaign forms. */
const CampaignsPage = lazy(() => import('./campaign/CampaignsPage').then(({ CampaignsPage }) => ({ default: CampaignsPage })));
const CampaignPage = lazy(() => import('./campaign/CampaignPage').then(({ CampaignPage }) => ({ default: CampaignPage })));

/** A case's own page, whoever opens it (links in to-dos and notifications lead here). */
export function CaseRoutes() {
  return (
    <Routes>
      <Route path="findings/:findingId" element={<FindingPage />} />
      <Route path="visits/:visitId" element={<VisitPage />} />
      <Route path="complaints/:ticketId" element={<ComplaintPage />} />
      <Route path="audit/:stream" element={<CaseAuditPage />} />
      <Route path="campaigns" element={<CampaignsPage />} />
      <Route path="campaigns/:campaignId" element={<CampaignPage />} />
    </Routes>
  );
}
