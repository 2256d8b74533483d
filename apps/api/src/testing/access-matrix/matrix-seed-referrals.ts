import { TestApp } from '../test-app';
import { call, Headers } from './matrix-http';
import { MarkerBook } from './matrix-markers';

/** A seeded referral: the finding's institution, the agency it went to. */
export interface SeededReferral {
  readonly referralId: string;
  readonly institution: string;
  readonly agency: string;
}

/** A seeded lead: the commission it went to, the agency that sent it, and the ticket it became (received there). */
export interface SeededLead {
  readonly leadId: string;
  readonly ticketId: string;
  readonly toUnit: string;
  readonly agency: string;
}

/** Which agency each seeded institution's finding goes to: one competent for it (its city's, or the province's). */
export const REFERRAL_AGENCY: Readonly<Record<string, string>> = {
  'hosp-a1-1': 'agency-city-a-police',
  'hosp-a1-2': 'agency-prov-discipline',
  'hosp-a2-1': 'agency-city-a-police',
  'hosp-b1-1': 'agency-city-b-insurance',
};

/**
 * The inspector refers the site's finding to an agency (a marker in the reason); the first is
 * acknowledged and answered by the agency (a marker in its outcome), the others wait for 签收.
 */
export async function seedReferral(
  t: TestApp,
  inspector: Headers,
  agencyUser: Headers,
  site: { institution: string; findingId: string },
  book: MarkerBook,
  answer: boolean,
): Promise<SeededReferral> {
  const i = site.institution;
  const agency = REFERRAL_AGENCY[i]!;
  const reason = book.next(i, 'referrals', 'referral reason', 'case', agency);
  const made = await call(t, inspector, 'post', '/referrals', { sourceStream: `finding-${site.findingId}`, agencyId: agency, reason });
  const referralId = String(made['id']);
  if (answer) {
    await call(t, agencyUser, 'post', `/referrals/${referralId}/acknowledge`, {}, 200);
    const text = book.next(i, 'referrals', 'referral outcome', 'case', agency);
    await call(t, agencyUser, 'post', `/referrals/${referralId}/outcome`, { outcome: 'case-opened', text }, 200);
  }
  return { referralId, institution: i, agency };
}

/** An agency's lead to a commission, about one of its institutions (markers in the description and the agency's number). */
export async function seedLead(
  t: TestApp,
  agencyUser: Headers,
  lead: { agency: string; toUnit: string; institution: string },
  book: MarkerBook,
): Promise<SeededLead> {
  const mk = (where: string) => book.next(lead.toUnit, 'referrals', where, 'case', lead.agency);
  const sent = await call(t, agencyUser, 'post', '/leads', {
    unitId: lead.toUnit,
    institutionId: lead.institution,
    category: 'fees',
    description: mk('lead description'),
    agencyReference: mk('lead reference'),
  });
  return { leadId: String(sent['id']), ticketId: String(sent['ticketId']), toUnit: lead.toUnit, agency: lead.agency };
}
