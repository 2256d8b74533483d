/**
 * The console's paths, one home: the router, the landing by role and the links in notifications
 * (libs/notifications) use these. The API serves each prefix with the console page
 * (libs/app/src/http/console-site.ts keeps the same list; a spec checks none is an API path).
 */
export const PATHS = {
  signIn: '/signin',
  ssoCallback: '/sso/callback',
  changePassword: '/password',
  hospital: '/hospital',
  hospitalLedger: '/hospital/ledger',
  hospitalComplaints: '/hospital/complaints',
  hospitalEthics: '/hospital/ethics',
  /** The hospital's reporting duties (报送任务): what it owes, by when, and what came back. */
  hospitalReports: '/hospital/reports',
  /** One ethics evaluation (the API's to-do link for it). */
  hospitalEthicsEvaluation: (institutionId: string, year: number | string, staffId: string) =>
    `/hospital/ethics/${encodeURIComponent(institutionId)}/${year}/${encodeURIComponent(staffId)}`,
  inspector: '/inspector',
  inspectorVisits: '/inspector/visits',
  inspectorReviews: '/inspector/reviews',
  inspectorComplaints: '/inspector/complaints',
  /** The reports the inspector's own commission owes a campaign issued above it (报送任务, ADR 0024). */
  inspectorReports: '/inspector/reports',
  finding: (id: string) => `/cases/findings/${encodeURIComponent(id)}`,
  visit: (id: string) => `/cases/visits/${encodeURIComponent(id)}`,
  complaint: (id: string) => `/cases/complaints/${encodeURIComponent(id)}`,
  /** 专项行动: the campaigns an inspector or leader may see, and one of them (phases, progress, reports, summary). */
  campaigns: '/cases/campaigns',
  campaign: (id: string) => `/cases/campaigns/${encodeURIComponent(id)}`,
  /** One reporting duty (报送任务): the unit submits it, the issuing office accepts or returns it. */
  reportDuty: (id: string) => `/cases/report-duties/${encodeURIComponent(id)}`,
  /** 移交: the referrals the commission made (its staff) and one of them (either side). */
  referrals: '/cases/referrals',
  referral: (id: string) => `/cases/referrals/${encodeURIComponent(id)}`,
  /** 通报公示 drafting and publishing (leaders publish; inspectors draft), and one notice. */
  notices: '/cases/notices',
  notice: (id: string) => `/cases/notices/${encodeURIComponent(id)}`,
  /** 双随机 draws: commit the seed, draw, reveal. */
  draws: '/cases/draws',
  draw: (id: string) => `/cases/draws/${encodeURIComponent(id)}`,
  /** 准入信用核查: record a check of an applicant, read the checks of the jurisdiction. */
  creditChecks: '/cases/credit-checks',
  /** Partner agencies' workspace (纪检监察, 公安, 医保, 市场监管 …): referrals received, leads sent. */
  partner: '/partner',
  partnerLeads: '/partner/leads',
  inbox: '/inbox',
  /** Leaders' workspace: the jurisdiction's dashboard, its drill-down lists and as-of ledgers. */
  leader: '/leader',
  leaderFindings: '/leader/findings',
  /** A leader's own to-do list: 督办 of reports, a draw's seed to reveal (GET /me/todos). */
  leaderTodos: '/leader/todos',
  leaderLedger: (institutionId: string) => `/leader/ledgers/${encodeURIComponent(institutionId)}`,
  /** Any case's audit page (whole history across linked streams, integrity, as-of), opened by stream name. */
  caseAudit: (stream: string) => `/cases/audit/${encodeURIComponent(stream)}`,
  /** Admins' workspace (系统管理); not /admin, which is the API's. */
  manage: '/manage',
  manageDirectory: '/manage/directory',
  manageCalendar: '/manage/calendar',
  managePolicies: '/manage/policies',
  manageDeadLetters: '/manage/dead-letters',
  manageProjections: '/manage/projections',
  manageAccessLog: '/manage/access-log',
  manageDeliveries: '/manage/deliveries',
  portal: '/portal',
  portalNewComplaint: '/portal/complaints/new',
  /** The lookup page; SMS links carry the code (the secret never goes in a URL). */
  portalComplaint: (code = '') => (code ? `/portal/complaints/${encodeURIComponent(code)}` : '/portal/complaints'),
  portalCredit: '/portal/credit',
  /** 通报公示: the published notices, and one of them (printable). */
  portalNotices: '/portal/notices',
  portalNotice: (id: string) => `/portal/notices/${encodeURIComponent(id)}`,
} as const;

/** Where each role starts after signing in: its workspace; any other role its inbox. */
export function landingOf(role: string): string {
  if (role === 'hospital') return PATHS.hospital;
  if (role === 'inspector') return PATHS.inspector;
  if (role === 'leader') return PATHS.leader;
  if (role === 'admin') return PATHS.manage;
  if (role === 'partner') return PATHS.partner;
  return PATHS.inbox;
}
