import { MigrationSet } from '@bihuan/database';
import { COMPLAINTS_MIGRATIONS } from '@bihuan/complaints';

/**
 * The schema migrations of every context this application serves (CONTEXT_MODULES), run at start
 * on the read-model database after the platform's own. Add each context's set here beside its module.
 */
export const READ_MODEL_MIGRATIONS: readonly MigrationSet[] = [COMPLAINTS_MIGRATIONS];
