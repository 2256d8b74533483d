import { deadlineCaseDecider } from '@bihuan/processing';

/** Stream category of the fault tests' cases: `faultCase-<n>`. */
export const FAULT_CATEGORY = 'faultCase';

/** The shared one-deadline test case, its deadline named `due` as the fault logs read it back. */
export const faultCaseDecider = deadlineCaseDecider({
  deadlineId: 'due',
  purpose: 'fault-test',
  calendarVersion: 'none',
  alreadyOpen: 'FAULT_CASE.ALREADY_OPEN',
});
