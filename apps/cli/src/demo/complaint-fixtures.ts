/** Who and what the complaint story is about (shared by the story and its report). */
export const COMPLAINT_INSPECTOR = 'inspector-a1';
export const COMPLAINT_HOSPITAL = 'hospital-a1-1';
export const COMPLAINT_LEADER = 'leader-city-a';
export const COMPLAINT_INSTITUTION = 'hosp-a1-1';
/** The staff member the hospital finds responsible (gets the ethics record). */
export const STAFF_ID = 'staff-0427';
/** The named complainant: only these fields are encrypted; the hospital must never see them. */
export const IDENTITY = { name: '陈红', phone: '13800138000' } as const;

/** The complainant's side (code + secret) and the staff's ticket id. */
export interface TicketKeys {
  readonly ticketCode: string;
  readonly secret: string;
  readonly ticketId: string;
}
