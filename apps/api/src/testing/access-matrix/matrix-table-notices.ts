import { Row } from './matrix-row';

const PERIOD = { from: '2025-03-01', to: '2025-03-19' };

/**
 * The access matrix's rows for public notices (通报 · 公示, issue 22): each seeded notice is issued by
 * a county, so the commission over that county reads and writes it; the public routes answer every
 * reader — and must never carry a black-list reason, which the seeded counties' archives hold.
 */
export const NOTICE_ROWS: Readonly<Record<string, Row>> = {
  'POST /public-notices': {
    target: 'institution',
    body: (p) => ({ issuingUnitId: p['institutionId'], kind: 'inspection-results', period: PERIOD, title: 'x', preface: 'x' }),
  },
  'GET /public-notices': { target: 'none' },
  'GET /public-notices/{noticeId}': { target: 'noticeDraft' },
  'GET /public-notices/{noticeId}/preview': { target: 'noticeDraft' },
  'POST /public-notices/{noticeId}/revise': { target: 'noticeDraft', body: () => ({ title: '改过的标题' }) },
  'POST /public-notices/{noticeId}/publish': { target: 'noticeDraft', body: () => ({}) },
  'POST /public-notices/{noticeId}/corrections': { target: 'publicNotice', body: () => ({ preface: '更正' }) },
  'GET /public/notices': { target: 'none' },
  'GET /public/notices/{noticeId}': { target: 'publicNotice' },
  'GET /public/notices/{noticeId}/document': { target: 'publicNotice', format: 'docx' },
};
