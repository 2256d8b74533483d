/**
 * Who may unfold a case history now lives in core (FULL_HISTORY_ROLES, FULL_HISTORY_QUERY), beside
 * the HistorySummaries port, so the finding and complaint histories assert the same rule.
 */
export { FULL_HISTORY_QUERY, FULL_HISTORY_ROLES } from '@bihuan/core';
