import { Role } from '@bihuan/core';

/**
 * The one declaration of who may unfold a case history (`?all=true`: every event, the workflow
 * records and deadline timers included): leaders audit, admins operate (domain.md, "People").
 * AuditReadService enforces it through AccessPolicy.assertRole; the access matrix reads the same
 * list (matrix-table.ts, `roleQueries`), so the rule and its test cannot drift apart.
 */
export const FULL_HISTORY_ROLES: readonly Role[] = ['leader', 'admin'];

/** The query string that unfolds a history. */
export const FULL_HISTORY_QUERY = 'all=true';
