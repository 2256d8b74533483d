/**
 * The calendar-recompute specs' year end (issue 12): deadlines first count on provisional 2027,
 * then this made-up official 2027 is imported. It gives Monday 4 January off as well (the rules
 * alone know only 1 January), so a deadline counting over it falls due one working day later.
 */
export const OFFICIAL_2027 = {
  year: 2027,
  source: 'test notice (made up)',
  holidays: { '2027-01-01': '元旦', '2027-01-04': '元旦' },
  makeupWorkdays: {},
};

/** The calendar version of a deadline computed on provisional 2027. */
export const PROVISIONAL = /\+provisional:2027@statutory-2025$/;
