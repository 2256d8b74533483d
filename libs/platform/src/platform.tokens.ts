/** The validated AppConfig (see loadConfig). */
export const CONFIG = Symbol('CONFIG');

/**
 * A better-sqlite3 connection for read models and checkpoints: the embedded file
 * (`${DATA_DIR}/bihuan.sqlite`) in production, an in-memory database in tests. Read models are
 * disposable (architecture.md, rule 7), so they live beside the log even when the log is ESDB.
 */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/** CalendarService: the working-day calendar in force (built-in + years imported into the log). */
export const CALENDAR = Symbol('CALENDAR');

/** PolicyRegistry: policy settings per context, overrides recorded as events. */
export const POLICIES = Symbol('POLICIES');
