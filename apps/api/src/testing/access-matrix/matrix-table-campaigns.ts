import { onePixelPng } from '../evidence-upload';
import { Row } from './matrix-row';

const PHASES = [{ name: '自查自纠', from: '2025-03-01', to: '2025-06-30' }];

/**
 * The access matrix's rows for campaigns (专项行动, issue 22) and their reporting duties: each seeded
 * campaign scopes one institution, so its readers — and its duties' — are that institution's (its
 * hospital, the commission over it). A launch names the target institution as its scope: refused to
 * whoever may not issue for it.
 */
export const CAMPAIGN_ROWS: Readonly<Record<string, Row>> = {
  'POST /campaigns': {
    target: 'institution',
    body: (p) => ({ title: '专项行动', year: 2025, scope: { institutionIds: [p['institutionId']] }, phases: PHASES }),
  },
  'GET /campaigns': { target: 'none' },
  'GET /campaigns/{campaignId}': { target: 'campaign' },
  'POST /campaigns/{campaignId}/amend': { target: 'campaign', body: () => ({ title: '调整后的专项行动', reason: 'x' }) },
  'POST /campaigns/{campaignId}/close': { target: 'campaign', body: () => ({ carryOver: true, reason: 'x' }) },
  'GET /campaigns/{campaignId}/ledger': { target: 'campaign' },
  'GET /campaigns/{campaignId}/progress': { target: 'campaign' },
  'GET /campaigns/{campaignId}/summary': { target: 'campaign' },
  'GET /campaigns/{campaignId}/summary/export': { target: 'campaign', format: 'xlsx' },
  'GET /campaigns/{campaignId}/reports': { target: 'campaign' },
  // Reporting duties (报送任务): each seeded campaign's monthly report makes one duty per month of its institution;
  // 甲市's campaign one per month of county-a1's commission (ADR 0024), handed in by its own inspectors and leaders.
  'GET /report-duties': { target: 'none' },
  'GET /report-duties/{dutyId}': { target: 'reportDuty' },
  'POST /report-duties/{dutyId}/evidence': {
    target: 'reportDutyOwed',
    upload: () => ({ file: onePixelPng(), name: '月报.png', fields: { note: 'x' } }),
  },
  'POST /report-duties/{dutyId}/submit': { target: 'reportDutyOwed', body: () => ({ text: '月报' }) },
  'POST /report-duties/{dutyId}/accept': { target: 'reportDuty', body: () => ({ comment: 'x' }) },
  'POST /report-duties/{dutyId}/return': { target: 'reportDuty', body: () => ({ reason: 'x' }) },
};
