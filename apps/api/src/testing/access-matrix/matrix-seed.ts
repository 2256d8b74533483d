import { DEMO_USERS } from '@bihuan/demo';
import { TestApp } from '../test-app';
import { bearer } from './matrix-http';
import { MarkerBook } from './matrix-markers';
import { seedComplaint, seedInspection, seedRedispatched, seedWindowComplaint, Site, SiteIds } from './matrix-seed-cases';
import { seedCredit, seedDraw, seedEthics } from './matrix-seed-records';

/** The institutions that get a full set of cases: two siblings, a cousin in the same city, another city. */
export const SEEDED = ['hosp-a1-1', 'hosp-a1-2', 'hosp-a2-1', 'hosp-b1-1'] as const;

export interface Seed {
  readonly book: MarkerBook;
  readonly sites: Record<string, SiteIds & { staffId: string }>;
  readonly redispatched: { ticketId: string; from: string; to: string };
  /** Received at hosp-a1-1's own window (首诉负责) and escalated to its county. */
  readonly window: { ticketId: string; institution: string };
  /** Published draws by the unit they were drawn over. */
  readonly draws: Record<string, string>;
}

function demo(t: TestApp, id: string) {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) throw new Error(`no demo user ${id}`);
  return bearer(t, user);
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
  const sites: Seed['sites'] = {};
  for (const s of list) {
    // Credit first: the findings' and complaints' consequence sagas would otherwise open the archive.
    await seedCredit(t, s, book, s.institution === 'hosp-a1-1' || s.institution === 'hosp-b1-1');
    await seedEthics(t, s, book);
    const inspection = await seedInspection(t, s, book);
    const complaint = await seedComplaint(t, s, book);
    sites[s.institution] = { ...inspection, ...complaint, staffId: s.staffId };
  }
  const ticketId = await seedRedispatched(t, list[0]!, list[1]!, book);
  const windowTicketId = await seedWindowComplaint(t, list[0]!, book);
  const draws = {
    'city-a': await seedDraw(t, demo(t, 'inspector-city-a'), 'city-a'),
    'county-b1': await seedDraw(t, demo(t, 'inspector-b1'), 'county-b1'),
  };
  await t.settle();
  // Past the complaints' answer deadlines and the findings' warnings, before the planned 暗访's date.
  await t.advanceTo('2025-03-20T02:00:00.000Z');
  return {
    book,
    sites,
    redispatched: { ticketId, from: 'hosp-a1-1', to: 'hosp-a1-2' },
    window: { ticketId: windowTicketId, institution: 'hosp-a1-1' },
    draws,
  };
}
