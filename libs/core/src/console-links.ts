/**
 * Where people open a case in the web console (apps/console/src/routes.ts has the same paths): the
 * links of to-do items, notifications, e-mails and text messages. One home, so a link in an
 * e-mail and the console's router cannot disagree; the API answers each with the console page.
 */
export const CONSOLE_LINKS = {
  finding: (findingId: string): string => `/cases/findings/${encodeURIComponent(findingId)}`,
  visit: (visitId: string): string => `/cases/visits/${encodeURIComponent(visitId)}`,
  complaint: (ticketId: string): string => `/cases/complaints/${encodeURIComponent(ticketId)}`,
  /** A referral to a partner agency (移交): its page, for the agency (签收, 反馈) and the commission's staff (办结) alike. */
  referral: (referralId: string): string => `/cases/referrals/${encodeURIComponent(referralId)}`,
  ethicsEvaluation: (institutionId: string, year: number, staffId: string): string =>
    `/hospital/ethics/${encodeURIComponent(institutionId)}/${year}/${encodeURIComponent(staffId)}`,
  /** A campaign's reporting duty (报送任务) of one institution: the unit hands it in there, the issuing office reviews it. */
  reportDuty: (dutyId: string): string => `/cases/report-duties/${encodeURIComponent(dutyId)}`,
  /** A 双随机 draw (commit, draw, reveal): its staff page, where the seed is revealed once every drawn visit is done. */
  draw: (drawId: string): string => `/cases/draws/${encodeURIComponent(drawId)}`,
  /** The public portal's status page of a ticket (the complainant types the secret there). */
  publicComplaint: (ticketCode: string): string => `/portal/complaints/${encodeURIComponent(ticketCode)}`,
} as const;
