import { DEMO_USERS } from '@bihuan/demo';
import { TestApp } from '../test-app';
import { bearer, call } from './matrix-http';
import { MarkerBook } from './matrix-markers';
import { seedComplaint, seedInspection, seedRedispatched, seedWindowComplaint, Site, SiteIds } from './matrix-seed-cases';
import { seedCredit, seedDraw, seedEthics } from './matrix-seed-records';
import { seedApplicants } from './matrix-seed-applicants';
import { NoticeIds, seedNotices } from './matrix-seed-notices';
import { REFERRAL_AGENCY, SeededLead, SeededReferral, seedLead, seedReferral } from './matrix-seed-referrals';

/** The demo user of each partner agency. */
const AGENCY_USERS: Readonly<Record<string, string>> = {
  'agency-prov-discipline': 'partner-discipline',
  'agency-city-a-police': 'partner-police-a',
  'agency-city-b-insurance': 'partner-insurance-b',
};

/** The institutions that get a full set of cases: two siblings, a cousin in the same city, another city. */
export const SEEDED = ['hosp-a1-1', 'hosp-a1-2', 'hosp-a2-1', 'hosp-b1-1'] as const;

export interface Seed {
  readonly book: MarkerBook;
  readonly sites: Record<string, SiteIds & { staffId: string; dutyId: string }>;
  readonly redispatched: { ticketId: string; from: string; to: string };
  /** Received at hosp-a1-1's own window (首诉负责) and escalated to its county. */
  readonly window: { ticketId: string; institution: string };
  /** Draws by the unit they were drawn over: county-a1's committed and drawn, county-b1's revealed. */
  readonly draws: Record<string, string>;
  /** Public notices by the county that issued them. */
  readonly notices: NoticeIds;
  /** Each site's finding referred to an agency competent for it. */
  readonly referrals: readonly SeededReferral[];
  /** Leads two agencies sent their commissions, each a ticket received there. */
  readonly leads: readonly SeededLead[];
  /** A report county-a1's commission owes 甲市's campaign (ADR 0024): its first duty. */
  readonly commissionDuty: { readonly dutyId: string; readonly unit: string };
}

function demo(t: TestApp, id: string) {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return bearer(t, user);
}

/**
 * 甲市's campaign asking county-a1's commission for its 月报 beside hosp-a1-1 (ADR 0024). No marker in
 * its words: hosp-a1-1's hospital reads the campaign, and the duty is the county's.
 */
async function seedCommissionDuty(t: TestApp): Promise<Seed['commissionDuty']> {
  const phase = { name: '集中整治', from: '2025-03-01', to: '2025-06-30', reports: [{ kind: 'monthly-report', recurrence: 'monthly' }] };
  const scope = { institutionIds: ['hosp-a1-1'], commissionUnitIds: ['county-a1'] };
  await call(t, demo(t, 'inspector-city-a'), 'post', '/campaigns', { title: '市级报送专项行动', year: 2025, scope, phases: [phase] });
  await t.settle();
  return { dutyId: await firstDuty(t, 'county-a1'), unit: 'county-a1' };
}

/** The first reporting duty the institution's campaign generated (its March 月报), from the log. */
async function firstDuty(t: TestApp, institution: string): Promise<string> {
  const assigned = (await t.store.readAll()).find(
    (e) => e.type === 'ReportDutyAssigned' && (e.data as { institutionId?: string }).institutionId === institution,
  );
  if (!assigned) throw new Error(`no reporting duty for ${institution}`);
  return String((assigned.data as { dutyId: string }).dutyId);
}

/** Seeds every case through the HTTP API, then lets workflows and deadlines run, so every stream category exists. */
export async function seedAll(t: TestApp): Promise<Seed> {
  const book = new MarkerBook();
  const site = (institution: string, inspector: string, hospital: string): Site => ({
    institution,
    inspector: demo(t, inspector),
    staffId: `S-${institution}`,
    hospital: DEMO_USERS.some((u) => u.id === hospital)
      ? demo(t, hospital)
      : bearer(t, { id: hospital, role: 'hospital', unit: institution }),
  });
  const list: Site[] = [
    site('hosp-a1-1', 'inspector-a1', 'hospital-a1-1'),
    site('hosp-a1-2', 'inspector-a1', 'hospital-a1-2'),
    site('hosp-a2-1', 'inspector-city-a', 'hospital-a2-1'),
    site('hosp-b1-1', 'inspector-b1', 'hospital-b1-1'),
  ];
  const seeded: Record<string, SiteIds & { staffId: string }> = {};
  for (const s of list) {
    // Credit first: the findings' and complaints' consequence sagas would otherwise open the archive.
    await seedCredit(t, s, book, s.institution === 'hosp-a1-1' || s.institution === 'hosp-b1-1');
    await seedEthics(t, s, book);
    const inspection = await seedInspection(t, s, book);
    const complaint = await seedComplaint(t, s, book);
    seeded[s.institution] = { ...inspection, ...complaint, staffId: s.staffId };
  }
  const ticketId = await seedRedispatched(t, list[0]!, list[1]!, book);
  const windowTicketId = await seedWindowComplaint(t, list[0]!, book);
  // A draw not yet revealed (its drawn hospital must learn nothing of it) and a revealed one.
  const draws = {
    'county-a1': await seedDraw(t, demo(t, 'inspector-a1'), 'county-a1', book),
    'county-b1': await seedDraw(t, demo(t, 'inspector-b1'), 'county-b1', book, true),
  };
  const referrals: SeededReferral[] = [];
  for (const s of list) {
    const site = { institution: s.institution, findingId: seeded[s.institution]!.findingId };
    const agencyUser = demo(t, AGENCY_USERS[REFERRAL_AGENCY[s.institution]!]!);
    referrals.push(await seedReferral(t, s.inspector, agencyUser, site, book, s.institution === 'hosp-a1-1'));
  }
  const leads = [
    await seedLead(t, demo(t, 'partner-police-a'), { agency: 'agency-city-a-police', toUnit: 'city-a', institution: 'hosp-a1-1' }, book),
    await seedLead(
      t,
      demo(t, 'partner-insurance-b'),
      { agency: 'agency-city-b-insurance', toUnit: 'city-b', institution: 'hosp-b1-1' },
      book,
    ),
  ];
  await seedApplicants(t, { a1: demo(t, 'inspector-a1'), b1: demo(t, 'inspector-b1') }, book);
  await t.settle();
  const sites: Seed['sites'] = {};
  for (const [institution, ids] of Object.entries(seeded)) sites[institution] = { ...ids, dutyId: await firstDuty(t, institution) };
  const commissionDuty = await seedCommissionDuty(t);
  // Past the complaints' answer deadlines and the findings' warnings, before the planned 暗访's date.
  await t.advanceTo('2025-03-20T02:00:00.000Z');
  // Notices of 1–19 March: published once that period is over.
  const notices = await seedNotices(t, book);
  return {
    book,
    sites,
    redispatched: { ticketId, from: 'hosp-a1-1', to: 'hosp-a1-2' },
    window: { ticketId: windowTicketId, institution: 'hosp-a1-1' },
    draws,
    notices,
    referrals,
    leads,
    commissionDuty,
  };
}
