import { Row } from './matrix-row';

const PHASES = [{ name: '自查自纠', from: '2025-03-01', to: '2025-06-30' }];

/**
 * The access matrix's rows for campaigns (专项行动, issue 22): each seeded campaign scopes one
 * institution, so its readers are that institution's (its hospital, the commission over it). A
 * launch names the target institution as its scope: refused to whoever may not issue for it.
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
};
