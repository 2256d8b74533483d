import type Database from 'better-sqlite3';

/** `CREATE [UNIQUE] TABLE|INDEX name …` as sqlite_master stores it, re-aimed at another schema. */
function inSchema(sql: string, schema: string): string {
  const match = /^CREATE (UNIQUE )?(TABLE|INDEX) /.exec(sql);
  if (!match) throw new Error(`Cannot swap a read model defined by: ${sql.slice(0, 60)}`);
  return `${match[0]}${schema}.${sql.slice(match[0].length)}`;
}

/**
 * Replaces `tables` (with their indexes) and the checkpoint `name` in the attached `schema` by the
 * ones in `main`, inside the caller's transaction. The new tables take the definitions they were
 * built with, so a rebuild also brings a changed schema live. Other connections see the old tables
 * until the transaction commits (WAL snapshot) and re-prepare their statements afterwards.
 */
export function swapTables(db: Database.Database, schema: string, tables: readonly string[], name: string): Record<string, number> {
  const definitions = db.prepare(
    `SELECT type, name, sql FROM main.sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type = 'index'`,
  );
  const rows: Record<string, number> = {};
  for (const table of tables) {
    const objects = definitions.all(table) as { type: string; name: string; sql: string }[];
    if (!objects.some((o) => o.type === 'table')) throw new Error(`The rebuilt read model has no table ${table}`);
    const other = objects.find((o) => o.type !== 'table' && o.type !== 'index');
    if (other) throw new Error(`Cannot swap ${table}: it has a ${other.type} (${other.name})`);
    db.exec(`DROP TABLE IF EXISTS ${schema}."${table}"`);
    for (const o of objects) {
      db.exec(inSchema(o.sql, schema));
      if (o.type === 'table') db.exec(`INSERT INTO ${schema}."${table}" SELECT * FROM main."${table}"`);
    }
    rows[table] = (db.prepare(`SELECT count(*) AS n FROM ${schema}."${table}"`).get() as { n: number }).n;
  }
  db.exec(`CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL)`);
  db.prepare(`DELETE FROM ${schema}.checkpoints WHERE name = ?`).run(name);
  db.prepare(`INSERT INTO ${schema}.checkpoints (name, position) SELECT name, position FROM main.checkpoints WHERE name = ?`).run(name);
  return rows;
}
