import { MigrationSet } from '@bihuan/database';
import { ETHICS_MIGRATIONS } from '@bihuan/ethics';
import { CREDIT_MIGRATIONS } from '@bihuan/credit';

/**
 * The schema migrations of every context this application serves (CONTEXT_MODULES), run at start
 * on the read-model database after the platform's own. Add each context's set here beside its module.
 */
export const READ_MODEL_MIGRATIONS: readonly MigrationSet[] = [ETHICS_MIGRATIONS, CREDIT_MIGRATIONS];
