import PizZip from 'pizzip';
import { FULL_HISTORY_QUERY, FULL_HISTORY_ROLES } from '@bihuan/audit';
import { onePixelPng } from '../evidence-upload';
import { CAMPAIGN_ROWS } from './matrix-table-campaigns';
import { CREDIT_CHECK_ROWS } from './matrix-table-credit-checks';
import { DIRECTORY_ROWS } from './matrix-table-directory';
import { NOTICE_ROWS } from './matrix-table-notices';
import { Body, Row } from './matrix-row';

export type { Row, Upload } from './matrix-row';

/** A well-formed digest no seeded case holds: an in-scope reader gets 404 AUDIT.FILE_NOT_FOUND, others the case's refusal. */
const NO_SUCH_FILE = { digest: '0'.repeat(64) };

/** A DOCX by its content (a zip holding word/document.xml): refusals then prove the scope check, not the type check. */
function minimalDocx(): Buffer {
  const zip = new PizZip();
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  return zip.generate({ type: 'nodebuffer' });
}

/** Evidence files by their content: refusals then prove the scope (or secret) check, not the type check. */
const PDF = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1020, 0x5a)]);

const at = '2025-03-10T02:00:00.000Z';
const inst: Body = (p) => ({ institutionId: p['institutionId'] });

export const TABLE: Readonly<Record<string, Row>> = {
  'GET /health': { target: 'none' },
  'GET /health/live': { target: 'none' },
  'GET /health/ready': { target: 'none' },
  'GET /me': { target: 'none' },
  'GET /me/todos': { target: 'none' },
  'GET /me/working-days': { target: 'none', query: '?due=2025-03-24T15:59:59.999Z' },
  // A person's own notifications (libs/notifications): keyed on the caller, so there is no scope to cross.
  'GET /me/notifications': { target: 'none' },
  'GET /me/notifications/unread-count': { target: 'none' },
  'POST /me/notifications/{id}/read': { target: 'admin', body: () => ({}) },
  'POST /me/notifications/read-all': { target: 'none', body: () => ({}) },
  'GET /me/notification-preferences': { target: 'none' },
  'PUT /me/notification-preferences': { target: 'none', body: () => ({ email: true, sms: false }) },
  'POST /me/stream-ticket': { target: 'none', body: () => ({}) },
  'GET /me/stream': { target: 'none', format: 'sse' },
  'GET /catalogue': { target: 'none' },
  // Sign-in (libs/identity): public routes are allowed to all; a wrong password is their 2xx-less answer.
  'POST /auth/sign-in': { target: 'none', body: () => ({ username: 'admin', password: 'not-the-password' }) },
  'POST /auth/refresh': { target: 'none', body: () => ({ refreshToken: 'not-a-refresh-token' }) },
  'POST /auth/sign-out': { target: 'none', body: () => ({}) },
  'POST /auth/sign-out-all': { target: 'none', body: () => ({}) },
  'POST /auth/password': { target: 'none', body: () => ({ currentPassword: 'x', newPassword: 'Another#Pass1' }) },
  'GET /auth/oidc': { target: 'none' },
  'GET /auth/oidc/login': { target: 'none', okStatuses: [302, 404] },
  'GET /auth/oidc/callback': { target: 'none', okStatuses: [400, 404] },
  'POST /admin/accounts/{userId}/reset-password': { target: 'admin', body: () => ({}) },
  'POST /admin/accounts/{userId}/unlock': { target: 'admin', body: () => ({}) },
  'PUT /admin/accounts/{userId}/external-identity': { target: 'admin', body: () => ({ subject: 'x', issuer: 'https://idp.example' }) },
  'DELETE /admin/accounts/{userId}/external-identity': { target: 'admin', body: () => ({ subject: 'x', issuer: 'https://idp.example' }) },
  'GET /admin/calendar': { target: 'none' },
  'GET /admin/calendar/provisional-deadlines': { target: 'none' },
  'POST /admin/calendar/years': { target: 'admin', body: () => ({ year: 2030, holidays: [], workdays: [] }) },
  'GET /admin/policies': { target: 'none' },
  'GET /admin/policies/{context}': { target: 'admin' },
  'PUT /admin/policies/{context}': { target: 'admin', body: () => ({}) },
  'GET /admin/dead-letters': { target: 'none' },
  'POST /admin/dead-letters/{id}/retry': { target: 'admin', body: () => ({}) },
  'GET /admin/deliveries': { target: 'none' },
  'POST /admin/deliveries/{id}/retry': { target: 'admin', body: () => ({}) },
  'GET /admin/projections': { target: 'none' },
  'POST /admin/projections/{name}/rebuild': { target: 'admin', body: () => ({}) },
  'GET /admin/timers': { target: 'none' },
  'GET /admin/timers/pending': { target: 'none' },
  'POST /visits': {
    target: 'institution',
    body: (p) => ({ kind: 'routine', institutionId: p['institutionId'], plannedDate: '2025-03-21' }),
  },
  'GET /visits': { target: 'none' },
  'POST /visits/{visitId}/record': { target: 'visit', body: () => ({ conductedOn: '2025-03-20', summary: 'x' }) },
  'POST /visits/{visitId}/cancel': { target: 'visit', body: () => ({ reason: 'x' }) },
  'POST /visits/{visitId}/findings': {
    target: 'visit',
    body: () => ({
      category: 'red-envelopes',
      severity: 'general',
      description: 'x',
      responsibleDepartment: 'x',
      requiredAction: 'deadline',
    }),
  },
  'GET /visits/{visitId}': { target: 'visit' },
  // Evidence uploads (streamed @FileUpload): a real PNG, so a refusal proves the scope check, not the type check.
  'POST /visits/{visitId}/evidence': { target: 'visit', upload: () => ({ file: onePixelPng(), name: 'x.png', fields: { note: 'x' } }) },
  'POST /findings/{findingId}/evidence': {
    target: 'finding',
    upload: () => ({ file: onePixelPng(), name: 'x.png', fields: { note: 'x' } }),
  },
  'POST /findings/{findingId}/notice': { target: 'finding', body: () => ({ noticeNo: 'x' }) },
  'POST /findings/{findingId}/plan': { target: 'finding', body: () => ({ measures: 'x' }) },
  'POST /findings/{findingId}/progress': { target: 'finding', body: () => ({ summary: 'x', percentComplete: 90 }) },
  'POST /findings/{findingId}/sign-off-request': { target: 'finding', body: () => ({ summary: 'x' }) },
  'POST /findings/{findingId}/sign-off': { target: 'finding', body: () => ({}) },
  'POST /findings/{findingId}/reject': { target: 'finding', body: () => ({ reasons: ['x'] }) },
  'POST /findings/{findingId}/extension-request': {
    target: 'finding',
    body: () => ({ reason: 'x', requestedDueAt: '2025-06-01T00:00:00.000Z' }),
  },
  'POST /findings/{findingId}/extension-approval': { target: 'finding', body: () => ({ extensionId: 'x', workingDays: 5 }) },
  'POST /findings/{findingId}/extension-denial': { target: 'finding', body: () => ({ extensionId: 'x', reason: 'x' }) },
  'POST /findings/{findingId}/recheck': { target: 'finding', body: () => ({ outcome: 'passed', notes: 'x' }) },
  'POST /findings/{findingId}/withdraw': { target: 'finding', body: () => ({ reason: 'x' }) },
  'GET /findings': { target: 'none' },
  'GET /findings/{findingId}': { target: 'finding' },
  'GET /findings/{findingId}/history': { target: 'finding', roleQueries: [{ query: `?${FULL_HISTORY_QUERY}`, roles: FULL_HISTORY_ROLES }] },
  'POST /findings/{findingId}/notices': { target: 'finding', body: () => ({ kind: 'rectification-notice' }) },
  'GET /findings/{findingId}/notices': { target: 'finding' },
  // No notice is issued in the seed: an in-scope reader gets the 404 of an unknown number, others the finding's refusal.
  'GET /findings/{findingId}/notices/{number}': { target: 'notice', okStatuses: [404] },
  'GET /admin/notice-templates': { target: 'none' },
  'GET /admin/notice-templates/{kind}': { target: 'admin' },
  'PUT /admin/notice-templates/{kind}': {
    target: 'admin',
    upload: () => ({ file: minimalDocx(), name: 'template.docx', fields: { reason: 'x' } }),
  },
  'GET /ledgers/counts': { target: 'none' },
  'GET /ledgers/institutions/{institutionId}': { target: 'institution' },
  'GET /ledgers/institutions/{institutionId}/export': {
    target: 'institution',
    format: 'xlsx',
    also: { query: '?format=csv', format: 'csv' },
  },
  'GET /ledgers/visits/{visitId}': { target: 'visit' },
  'GET /ledgers/visits/{visitId}/export': { target: 'visit', format: 'xlsx', also: { query: '?format=csv', format: 'csv' } },
  'GET /audit/cases/{stream}/history': { target: 'stream', roleQueries: [{ query: `?${FULL_HISTORY_QUERY}`, roles: FULL_HISTORY_ROLES }] },
  'GET /audit/cases/{stream}/instants': { target: 'stream', roleQueries: [{ query: `?${FULL_HISTORY_QUERY}`, roles: FULL_HISTORY_ROLES }] },
  // Process streams have no decider to fold: 400 AUDIT.UNKNOWN_CATEGORY is a fair answer there.
  'GET /audit/cases/{stream}/state': { target: 'stream', okStatuses: [400] },
  'GET /audit/cases/{stream}/integrity': { target: 'stream' },
  'GET /audit/cases/{stream}/dossier': { target: 'stream', format: 'html' },
  'GET /audit/cases/{stream}/files': { target: 'stream' },
  'GET /audit/cases/{stream}/files/{digest}': { target: 'stream', params: NO_SUCH_FILE, okStatuses: [404] },
  'GET /audit/cases/{stream}/files/{digest}/thumbnail': { target: 'stream', params: NO_SUCH_FILE, okStatuses: [404] },
  'GET /audit/ledgers/{institutionId}': { target: 'institution' },
  'GET /audit/ledgers/{institutionId}/export': { target: 'institution', format: 'xlsx', also: { query: '?format=csv', format: 'csv' } },
  'GET /audit/integrity': { target: 'none' },
  'GET /audit/access-log': { target: 'none' },
  'POST /ethics/archives': {
    target: 'institution',
    body: (p) => ({ staffId: `S-new-${p['institutionId']}`, institutionId: p['institutionId'] }),
  },
  'GET /ethics/archives': { target: 'none' },
  'GET /ethics/archives/{staffId}': { target: 'staff' },
  'POST /ethics/archives/{staffId}/records': {
    target: 'staff',
    body: () => ({ institutionId: 'hosp-a1-1', source: { kind: 'commendation' }, summary: 'x', occurredAt: at }),
  },
  'POST /ethics/archives/{staffId}/evidence': {
    target: 'staff',
    upload: () => ({ file: PDF(), name: '谈话记录.pdf', fields: { institutionId: 'hosp-a1-1' } }),
  },
  'POST /ethics/archives/{staffId}/records/{recordId}/retract': { target: 'record', body: () => ({ reason: 'x' }) },
  'POST /ethics/archives/{staffId}/lists': {
    target: 'staff',
    body: () => ({ institutionId: 'hosp-a1-1', list: 'red', reason: 'x', expiresAt: '2026-06-01T00:00:00.000Z' }),
  },
  'POST /ethics/archives/{staffId}/lists/{entryId}/remove': { target: 'staffEntry', body: () => ({ reason: 'x' }) },
  'POST /ethics/evaluations': { target: 'institution', body: (p) => ({ institutionId: p['institutionId'], year: 2026, staffId: 'S-new' }) },
  'GET /ethics/evaluations/{institutionId}/{year}/{staffId}': { target: 'evaluation' },
  'POST /ethics/evaluations/{institutionId}/{year}/{staffId}/self': { target: 'evaluation', body: () => ({ summary: 'x' }) },
  'POST /ethics/evaluations/{institutionId}/{year}/{staffId}/department': { target: 'evaluation', body: () => ({ score: 80 }) },
  'POST /ethics/evaluations/{institutionId}/{year}/{staffId}/institution': { target: 'evaluation', body: () => ({}) },
  'POST /ethics/evaluations/{institutionId}/{year}/{staffId}/posting': {
    target: 'evaluation',
    body: () => ({ from: '2025-12-01', until: '2025-12-08' }),
  },
  'POST /ethics/results/{institutionId}/{year}/finalise': { target: 'results', body: () => ({}) },
  'GET /ethics/results/{institutionId}/{year}': { target: 'results' },
  'GET /ethics/results/{institutionId}/{year}/export.xlsx': { target: 'results', format: 'xlsx' },
  'POST /credit/archives': { target: 'institution', body: inst },
  'GET /credit/archives': { target: 'none' },
  'GET /credit/archives/{institutionId}': { target: 'institution' },
  'GET /credit/archives/{institutionId}/level': { target: 'institution' },
  'POST /credit/archives/{institutionId}/points': { target: 'institution', body: () => ({ behaviour: 'fees', occurredAt: at }) },
  'POST /credit/archives/{institutionId}/points/{pointsId}/revoke': { target: 'points', body: () => ({ reason: 'x' }) },
  'POST /credit/archives/{institutionId}/commitments': {
    target: 'institution',
    body: () => ({ kind: 'institution', text: 'x', pledgedAt: at }),
  },
  'POST /credit/archives/{institutionId}/evidence': {
    target: 'institution',
    upload: () => ({ file: PDF(), name: '廉洁诚信协议.pdf', fields: { note: 'x' } }),
  },
  'POST /credit/archives/{institutionId}/commitments/{commitmentId}/breaches': {
    target: 'commitment',
    body: () => ({ description: 'x', occurredAt: at }),
  },
  'POST /credit/archives/{institutionId}/information': {
    target: 'institution',
    body: () => ({ infoClass: 'basic', kind: 'x', title: 'x', occurredAt: at }),
  },
  'POST /credit/archives/{institutionId}/commendations': {
    target: 'institution',
    body: () => ({ title: 'x', reason: 'x', commendedAt: at }),
  },
  'POST /credit/archives/{institutionId}/lists': {
    target: 'institution',
    body: () => ({ list: 'red', reason: 'x', expiresAt: '2026-01-01T00:00:00.000Z' }),
  },
  'POST /credit/archives/{institutionId}/lists/{entryId}/remove': { target: 'entry', body: () => ({ reason: 'x' }) },
  'POST /credit/archives/{institutionId}/cycles/close': { target: 'institution', body: () => ({}) },
  'POST /draws': {
    target: 'institution',
    body: (p) => ({ jurisdiction: p['institutionId'], count: 1, inspectorsPerVisit: 1, plannedDate: '2025-04-15' }),
  },
  'POST /draws/{drawId}/reveal': { target: 'draw', body: () => ({}) },
  'GET /draws': { target: 'none' },
  'GET /draws/{drawId}': { target: 'draw' },
  'GET /public/institutions': { target: 'none' },
  'GET /public/institutions/{institutionId}/credit': { target: 'institution', okStatuses: [400] },
  'GET /public/institutions/{institutionId}/honour-roll': { target: 'institution', okStatuses: [400] },
  'GET /public/draws/{drawId}': { target: 'draw' },
  'GET /complaints': { target: 'none' },
  'POST /complaints': {
    target: 'institution',
    body: (p) => ({ channel: 'window', category: 'fees', description: 'x', institutionId: p['institutionId'] }),
  },
  'GET /complaints/statistics': { target: 'none' },
  // Every table in one workbook; then one table as CSV (the red/black list, whose black entries only partners may read).
  'GET /statistics/export': { target: 'none', format: 'xlsx', also: { query: '?format=csv&table=credit-lists', format: 'csv' } },
  'GET /complaints/{id}': { target: 'ticket', roleQueries: [{ query: `?${FULL_HISTORY_QUERY}`, roles: FULL_HISTORY_ROLES }] },
  'GET /complaints/{id}/complainant': { target: 'ticket', query: '?purpose=access-matrix' },
  'POST /complaints/{id}/resolve-on-the-spot': { target: 'ticket', body: () => ({ resolution: 'x' }) },
  'POST /complaints/{id}/dispatch': { target: 'ticket', body: () => ({ institutionId: 'hosp-a1-1', complexity: 'simple' }) },
  'POST /complaints/{id}/escalate': { target: 'ticket', body: () => ({ reason: 'x' }) },
  'POST /complaints/{id}/decline': { target: 'ticket', body: () => ({ reason: 'x', ground: 'duplicate' }) },
  'POST /complaints/{id}/acknowledge': { target: 'ticket', body: () => ({}) },
  'POST /complaints/{id}/return': { target: 'ticket', body: () => ({ reason: 'x' }) },
  'POST /complaints/{id}/investigation-notes': { target: 'ticket', body: () => ({ note: 'x' }) },
  'POST /complaints/{id}/decision': { target: 'ticket', body: () => ({ decision: 'not-substantiated', findings: 'x' }) },
  'POST /complaints/{id}/answer': { target: 'ticket', body: () => ({ answer: 'x' }) },
  'POST /complaints/{id}/extension-request': { target: 'ticket', body: () => ({ reason: 'x' }) },
  'POST /complaints/{id}/extension/approve': { target: 'ticket', body: () => ({ extraWorkingDays: 5 }) },
  'POST /complaints/{id}/extension/deny': { target: 'ticket', body: () => ({ reason: 'x' }) },
  'POST /complaints/{id}/await-complainant': { target: 'ticket', body: () => ({ note: 'x' }) },
  'POST /complaints/{id}/complainant-reply': { target: 'ticket', body: () => ({ note: 'x' }) },
  'POST /complaints/{id}/supervise': { target: 'ticket', body: () => ({ note: 'x' }) },
  'POST /complaints/{id}/follow-up': { target: 'ticket', body: () => ({ rating: 'satisfied' }) },
  'POST /complaints/{id}/close': { target: 'ticket', body: () => ({ reason: 'x' }) },
  'POST /complaints/{id}/reopen': { target: 'ticket', body: () => ({ reason: 'x', complexity: 'simple' }) },
  'POST /complaints/{id}/evidence': { target: 'ticket', upload: () => ({ file: PDF(), name: '来信扫描.pdf', fields: { note: 'x' } }) },
  'POST /public/complaints': { target: 'none' },
  'GET /public/complaints/{code}': { target: 'code' },
  'POST /public/complaints/{code}/status': { target: 'code', body: () => ({ secret: 'not-the-secret' }) },
  'POST /public/complaints/{code}/rating': { target: 'code', body: () => ({ secret: 'not-the-secret', rating: 'satisfied' }) },
  'POST /public/complaints/{code}/reply': { target: 'code', body: () => ({ secret: 'not-the-secret', note: 'x' }) },
  'POST /public/complaints/{code}/evidence': {
    target: 'code',
    upload: () => ({ file: JPEG(), name: '收据.jpg', fields: { secret: 'not-the-secret' } }),
  },
  'GET /public/complaints/{code}/evidence/{digest}': { target: 'code' },
  'POST /admin/subjects/{subjectId}/erase': { target: 'subject', body: () => ({ reason: 'x' }) },
  // Referrals and leads (libs/referrals): who reaches one is its agency and the commission over its case, never a hospital.
  'POST /referrals': {
    target: 'finding',
    body: (p) => ({ sourceStream: `finding-${p['findingId']}`, agencyId: 'agency-prov-discipline', reason: 'x' }),
  },
  'GET /referrals': { target: 'none' },
  'GET /referrals/agencies': { target: 'none' },
  'GET /referrals/{referralId}': { target: 'referral' },
  'GET /referrals/{referralId}/files/{digest}': { target: 'referral', params: NO_SUCH_FILE, okStatuses: [404] },
  'POST /referrals/{referralId}/acknowledge': { target: 'referral', body: () => ({}) },
  'POST /referrals/{referralId}/evidence': {
    target: 'referral',
    upload: () => ({ file: PDF(), name: '立案决定书.pdf', fields: { note: 'x' } }),
  },
  'POST /referrals/{referralId}/outcome': { target: 'referral', body: () => ({ outcome: 'other', text: 'x' }) },
  'POST /referrals/{referralId}/close': { target: 'referral', body: () => ({}) },
  'POST /leads': { target: 'none', body: () => ({ unitId: 'city-a', category: 'fees', description: 'x' }) },
  'GET /leads': { target: 'none' },
  'GET /leads/{leadId}': { target: 'lead' },
  ...DIRECTORY_ROWS,
  ...CAMPAIGN_ROWS,
  ...CREDIT_CHECK_ROWS,
  ...NOTICE_ROWS,
};
