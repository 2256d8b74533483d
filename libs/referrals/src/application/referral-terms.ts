import { Jurisdiction, Unit } from '@bihuan/auth';
import { WorkingCalendar } from '@bihuan/calendar';
import { referralError } from '../domain/referral-errors';
import { ReferralClockTerms, ReferralPolicy } from '../domain/referral-policy';

/**
 * 签收时限: the policy's working days counted from the day after the referral, with its reminders
 * (the calendar in force says which days work; the decider checks the count against the policy).
 */
export function acknowledgeTerms(calendar: WorkingCalendar, policy: ReferralPolicy, now: string): ReferralClockTerms {
  const { dueAt, calendarVersion } = calendar.addWorkingDays(now, policy.acknowledgeWorkingDays);
  const warnAt = calendar.warnInstants(now, dueAt, policy.reminderFractions).filter((w) => w > now && w < dueAt);
  return { startedAt: now, dueAt, workingDays: policy.acknowledgeWorkingDays, calendarVersion, warnAt };
}

/**
 * The partner agency a case may go to: a directory unit of kind agency (400 REFERRAL.NOT_AN_AGENCY
 * naming `agencyId` otherwise) that sits beside a commission whose jurisdiction holds the case
 * (422 REFERRAL.AGENCY_NOT_COMPETENT: 甲市公安局 takes cases of 甲市, not of 乙市).
 */
export function competentAgency(jurisdiction: Jurisdiction, agencyId: string, caseUnit: string): Unit {
  const agency = jurisdiction.get(agencyId);
  if (!agency || agency.kind !== 'agency')
    throw referralError('NOT_AN_AGENCY', `agencyId "${agencyId}" is not a partner agency of the directory`, { field: 'agencyId' });
  if (agency.parentId === null || !jurisdiction.contains(agency.parentId, caseUnit))
    throw referralError(
      'AGENCY_NOT_COMPETENT',
      // Ids, not the agency's Chinese name: a message with Chinese in it is taken as already written for people.
      `Agency ${agency.id} works beside ${agency.parentId ?? 'no commission'}, whose jurisdiction does not hold ${caseUnit}`,
      {
        field: 'agencyId',
      },
    );
  return agency;
}

/**
 * The partner agencies a referrer picks from (GET /referrals/agencies): those that may be competent
 * for a case the referrer reads — beside the referrer's own commission or one above it (whose
 * jurisdiction holds the referrer's), or beside a commission below it — the most local first. The
 * directory's tree read (GET /directory/units) stops at the referrer's own subtree, so a county's
 * inspector would see neither 甲市公安局 nor the province's 纪检监察组. Whether one fits the case at
 * hand is still competentAgency's to say when the referral is made.
 */
export function referrableAgencies(jurisdiction: Jurisdiction, unitId: string): Unit[] {
  const depth = (id: string): number => jurisdiction.path(id).length;
  return jurisdiction
    .all()
    .filter(
      (u) =>
        u.kind === 'agency' &&
        u.parentId !== null &&
        (jurisdiction.contains(u.parentId, unitId) || jurisdiction.contains(unitId, u.parentId)),
    )
    .sort((a, b) => depth(b.id) - depth(a.id) || a.name.localeCompare(b.name, 'zh-CN'));
}
