import { Row } from './matrix-row';
import { APPLICANT_CODE } from './matrix-seed-applicants';

const applicant = { subjectKind: 'organisation', identifier: APPLICANT_CODE, purpose: 'institution-registration', applicationRef: 'x' };

/**
 * The access matrix's rows for 准入信用核查 (issue 22): applicants are no unit's, so the routes take no
 * unit parameter — who may call them is their @Roles (AccessPolicy's APPLICANT_CREDIT_*), and what
 * the list shows is the caller's offices' checks (the seeded markers of county-a1 and county-b1).
 */
export const CREDIT_CHECK_ROWS: Readonly<Record<string, Row>> = {
  'POST /credit/checks': { target: 'none', body: () => applicant },
  'GET /credit/checks': { target: 'none' },
  'POST /credit/subjects/false-material': {
    target: 'none',
    body: () => ({ ...applicant, description: 'x', occurredAt: '2025-03-01T02:00:00.000Z' }),
  },
};
