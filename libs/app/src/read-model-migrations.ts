import { MigrationSet } from '@bihuan/database';
import { INSPECTION_MIGRATIONS } from '@bihuan/inspection';

/**
 * The schema migrations of every context this application serves (CONTEXT_MODULES), run at start
 * on the read-model database after the platform's own. Add each context's set here beside its module.
 */
export const READ_MODEL_MIGRATIONS: readonly MigrationSet[] = [INSPECTION_MIGRATIONS];
