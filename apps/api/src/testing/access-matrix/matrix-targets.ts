import { DEMO_USERS } from '@bihuan/demo';
import { Reader, inScope, relation, seesExchange } from './matrix-scope';
import { Seed, SEEDED } from './matrix-seed';
import { YEAR } from './matrix-seed-records';

/** What a route's path parameters point at; each kind expands to one target per seeded case. */
export type TargetKind =
  | 'none'
  | 'institution'
  | 'campaign'
  | 'reportDuty'
  | 'reportDutyOwed'
  | 'visit'
  | 'finding'
  | 'notice'
  | 'ticket'
  | 'code'
  | 'staff'
  | 'evaluation'
  | 'results'
  | 'draw'
  | 'subject'
  | 'points'
  | 'commitment'
  | 'entry'
  | 'record'
  | 'staffEntry'
  | 'admin'
  | 'stream'
  | 'dirUnit'
  | 'dirUser'
  | 'publicNotice'
  | 'noticeDraft'
  | 'referral'
  | 'lead';

export interface Target {
  readonly label: string;
  /** The unit whose data the target is (null: no unit, e.g. a collection route). */
  readonly unit: string | null;
  readonly params: Readonly<Record<string, string>>;
  /** Planned 暗访 read by its own hospital: how much it may see is a marker question, not a status one. */
  readonly anyStatus?: (reader: Reader) => boolean;
  /** Who may reach it when that is not the unit's scope alone (a referral: also its agency, never a hospital). */
  readonly reach?: (reader: Reader) => boolean;
}

const PARENTS = ['county-a1', 'city-a'];

/** Every target of a kind, from the seeded cases (plus parent units for institution parameters). */
export function targetsFor(kind: TargetKind, seed: Seed): Target[] {
  const per = (label: string, f: (i: string) => Record<string, string>) =>
    SEEDED.map((i) => ({ label: `${label}@${i}`, unit: i, params: f(i) }));
  const site = (i: string) => seed.sites[i]!;
  switch (kind) {
    case 'none':
    case 'stream':
      return [{ label: '-', unit: null, params: {} }];
    case 'admin':
      return [
        {
          label: 'admin',
          unit: null,
          params: { id: 'dl-1', context: 'complaints', kind: 'summons', userId: 'admin', name: 'stream-stats' },
        },
      ];
    case 'institution':
      return [
        ...per('inst', (i) => ({ institutionId: i })),
        ...PARENTS.map((u) => ({ label: `unit@${u}`, unit: u, params: { institutionId: u } })),
      ];
    case 'campaign':
      return per('campaign', (i) => ({ campaignId: site(i).campaignId }));
    case 'reportDuty':
      return [
        ...per('duty', (i) => ({ dutyId: site(i).dutyId })),
        { label: `duty@${seed.commissionDuty.unit}`, unit: seed.commissionDuty.unit, params: { dutyId: seed.commissionDuty.dutyId } },
      ];
    case 'reportDutyOwed':
      // Handed in only by the owing unit's own people: an institution's hospital users, a commission's inspectors and leaders.
      return [
        ...per('duty', (i) => ({ dutyId: site(i).dutyId })).map((t) => ({
          ...t,
          reach: (r: Reader) => r.actor?.role === 'hospital' && r.actor.unit === t.unit,
        })),
        {
          label: `duty@${seed.commissionDuty.unit}`,
          unit: seed.commissionDuty.unit,
          params: { dutyId: seed.commissionDuty.dutyId },
          reach: (r: Reader) => (r.actor?.role === 'inspector' || r.actor?.role === 'leader') && r.actor.unit === seed.commissionDuty.unit,
        },
      ];
    case 'visit':
      return [
        ...per('visit', (i) => ({ visitId: site(i).visitId })),
        ...per('planned-visit', (i) => ({ visitId: site(i).plannedVisitId })).map((t) => ({
          ...t,
          anyStatus: (r: Reader) => r.actor?.role === 'hospital',
        })),
      ];
    case 'finding':
      return per('finding', (i) => ({ findingId: site(i).findingId }));
    case 'notice':
      return per('notice', (i) => ({ findingId: site(i).findingId, number: '甲卫健监整〔2025〕1号' }));
    case 'ticket':
      return [
        ...per('ticket', (i) => ({ id: site(i).ticketId })),
        { label: `redispatched@${seed.redispatched.to}`, unit: seed.redispatched.to, params: { id: seed.redispatched.ticketId } },
        { label: `window@${seed.window.institution}`, unit: seed.window.institution, params: { id: seed.window.ticketId } },
      ];
    case 'code':
      // A file no ticket holds: without the secret the download is refused before it is looked up.
      return per('code', (i) => ({ code: site(i).ticketCode, digest: '0'.repeat(64) }));
    case 'staff':
      return per('staff', (i) => ({ staffId: site(i).staffId }));
    case 'record':
      return per('record', (i) => ({ staffId: site(i).staffId, recordId: 'R-none' }));
    case 'staffEntry':
      return per('staff-entry', (i) => ({ staffId: site(i).staffId, entryId: `SE-black-${i}` }));
    case 'evaluation':
      return per('evaluation', (i) => ({ institutionId: i, year: String(YEAR), staffId: site(i).staffId }));
    case 'results':
      return per('results', (i) => ({ institutionId: i, year: String(YEAR) }));
    case 'draw':
      return Object.entries(seed.draws).map(([unit, drawId]) => ({ label: `draw@${unit}`, unit, params: { drawId } }));
    case 'subject':
      return per('subject', (i) => ({ subjectId: site(i).subjectId }));
    case 'points':
      return per('points', (i) => ({ institutionId: i, pointsId: 'P-none' }));
    case 'commitment':
      return per('commitment', (i) => ({ institutionId: i, commitmentId: `C-${i}` }));
    case 'entry':
      return per('entry', (i) => ({ institutionId: i, entryId: `red-${i}` }));
    case 'dirUnit':
      // Units of the directory (institutions and the commissions above them), by unitId.
      return [...SEEDED, ...PARENTS].map((u) => ({ label: `dir-unit@${u}`, unit: u, params: { unitId: u, departmentId: `dept-${u}` } }));
    case 'publicNotice':
      return Object.entries(seed.notices.published).map(([unit, noticeId]) => ({ label: `notice@${unit}`, unit, params: { noticeId } }));
    case 'noticeDraft':
      return Object.entries(seed.notices.drafts).map(([unit, noticeId]) => ({ label: `notice-draft@${unit}`, unit, params: { noticeId } }));
    case 'dirUser':
      return DIRECTORY_USERS.map((u) => ({ label: `dir-user@${u.id}`, unit: u.unit, params: { userId: u.id } }));
    case 'referral':
      return seed.referrals.map((r) => ({
        label: `referral@${r.institution}>${r.agency}`,
        unit: r.institution,
        params: { referralId: r.referralId },
        reach: (reader: Reader) => seesExchange(reader, r.institution, r.agency),
      }));
    case 'lead':
      return seed.leads.map((l) => ({
        label: `lead@${l.agency}>${l.toUnit}`,
        unit: l.toUnit,
        params: { leadId: l.leadId },
        reach: (reader: Reader) => seesExchange(reader, l.toUnit, l.agency),
      }));
  }
}

/** The people the directory routes are tried on (one per level; never written to: permitted writes are not sent). */
const DIRECTORY_USERS = DEMO_USERS.filter((u) => ['inspector-a1', 'inspector-b1', 'hospital-a1-1', 'leader-city-a'].includes(u.id));

export function fill(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(v);
  });
}

/** Whether the reader's scope covers the target, and how the two relate (for the report). */
export function scopeOf(reader: Reader, target: Target): { covered: boolean; rel: string } {
  if (target.unit === null) return { covered: reader.actor !== null, rel: '-' };
  return { covered: target.reach ? target.reach(reader) : inScope(reader, target.unit), rel: relation(reader, target.unit) };
}
