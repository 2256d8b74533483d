import type Database from 'better-sqlite3';

/**
 * Adds the nullable columns a read-model table gained since it was created (`CREATE TABLE IF NOT
 * EXISTS` never changes an existing table). Non-destructive, so the API and the worker may both
 * call it at any time; rows written before hold NULL there until the projection is rebuilt.
 */
export function addMissingColumns(db: Database.Database, table: string, columns: Readonly<Record<string, string>>): void {
  const existing = new Set((db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name));
  if (existing.size === 0) return;
  for (const [name, type] of Object.entries(columns)) if (!existing.has(name)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${name} ${type}`);
}
