/** The case index the API reads (a SqlCaseIndex on READ_MODELS; the worker keeps it up to date). */
export const AUDIT_CASE_INDEX = Symbol('AUDIT_CASE_INDEX');
/** Where history reads and dossier exports are recorded (AuditTrail). */
export const AUDIT_TRAIL = Symbol('AUDIT_TRAIL');
/** The CaseHistoryService over EVENT_STORE, AUDIT_CASE_INDEX and AUDIT_TRAIL. */
export const CASE_HISTORY = Symbol('CASE_HISTORY');
/** The EventSummaryRegistry of every context's summaries, naming people and units through the directory. */
export const EVENT_SUMMARIES = Symbol('EVENT_SUMMARIES');
