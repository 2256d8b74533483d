/**
 * The caller's scope as SQL over a table with `institution_id`. One institution (a hospital, or a
 * filter) is an equality the (institution_id, position) indexes answer in page order. Several
 * are a membership test with its index use switched off (`+`): SQLite cannot tell how many rows a
 * json_each list matches, and otherwise fetches and sorts every row in scope for each page, where
 * walking the position index and stopping after a page costs the same on page 1 and page 500.
 */
export function scopeClause(visible: readonly string[]): { sql: string; params: Record<string, unknown> } {
  if (visible.length === 1) return { sql: 'institution_id = @visibleOne', params: { visibleOne: visible[0] } };
  return { sql: '+institution_id IN (SELECT value FROM json_each(@visible))', params: { visible: JSON.stringify(visible) } };
}
