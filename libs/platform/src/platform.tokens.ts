/** The validated AppConfig (see loadConfig). */
export const CONFIG = Symbol('CONFIG');

/**
 * The raw better-sqlite3 connection READ_MODELS runs on in the embedded default (the file
 * `${DATA_DIR}/bihuan.sqlite`; in-memory in tests), null with POSTGRES_URL. Only the platform uses
 * it: everything else reads and writes through READ_MODELS.
 */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/**
 * The read-model database as a `SqlDatabase` (Kysely over SQLite or PostgreSQL), migrated before
 * anything reads it: read models, checkpoints, dead letters, pending deadlines, idempotency
 * records. On SQLite it is the READ_MODEL_DB connection itself; POSTGRES_URL moves it off the host.
 */
export const READ_MODELS = Symbol('READ_MODELS');

/** The `MigrationSet`s of every owner whose tables live in READ_MODELS (composed by @bihuan/app). */
export const READ_MODEL_MIGRATIONS = Symbol('READ_MODEL_MIGRATIONS');

/** CalendarService: the working-day calendar in force (built-in + years imported into the log). */
export const CALENDAR = Symbol('CALENDAR');

/** PolicyRegistry: policy settings per context, overrides recorded as events. */
export const POLICIES = Symbol('POLICIES');
