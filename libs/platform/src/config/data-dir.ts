import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, sqliteFileOf } from './app-config';

/** Files the embedded default keeps in DATA_DIR; created up front so SQLite's -wal/-shm copy their mode. */
const SQLITE_FILES = (config: Pick<AppConfig, 'dataDir'>): string[] => [sqliteFileOf(config), join(config.dataDir, 'keys.sqlite')];

/**
 * Makes DATA_DIR private before anything opens it: the directory 0700, every file in it 0600. A
 * looser mode left by an earlier version (or a copy) is tightened and reported, so the caller can
 * log it. The SQLite files are created empty with 0600 when missing: SQLite gives its -wal and -shm
 * files the mode of the database file, whatever the process umask.
 */
export function secureDataDir(config: Pick<AppConfig, 'dataDir'>): string[] {
  const warnings: string[] = [];
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  tighten(config.dataDir, 0o700, warnings);
  for (const file of SQLITE_FILES(config)) closeSync(openSync(file, 'a', 0o600));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        tighten(path, 0o700, warnings);
        walk(path);
      } else if (entry.isFile()) {
        tighten(path, 0o600, warnings);
      }
    }
  };
  walk(config.dataDir);
  return warnings;
}

function tighten(path: string, mode: number, warnings: string[]): void {
  const current = statSync(path).mode & 0o777;
  if ((current & ~mode) === 0) return;
  chmodSync(path, current & mode);
  warnings.push(`${path} was readable by others (mode ${current.toString(8)}): tightened to ${(current & mode).toString(8)}`);
}
