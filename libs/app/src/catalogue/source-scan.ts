import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository root, from this file (libs/app/src/catalogue). */
export const REPO_ROOT = join(__dirname, '../../../..');

/** Folders of test equipment (architecture.md: imported only by specs). */
const TEST_FOLDERS: ReadonlySet<string> = new Set(['testing', 'e2e', 'faults', 'node_modules']);

/** Production TypeScript under `dir`: no specs, fixtures or test equipment, which may use invented codes. */
export function productionSources(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!TEST_FOLDERS.has(name)) found.push(...productionSources(path));
    } else if (name.endsWith('.ts') && !/\.(spec|fixtures?)\.ts$/.test(name) && !name.endsWith('.d.ts')) {
      found.push(path);
    }
  }
  return found;
}

export interface Found {
  readonly name: string;
  readonly file: string;
}

/** Every match of `pattern`'s first group in the files, with the file (relative to the root) it is in. */
export function scan(files: readonly string[], pattern: RegExp): Found[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({ name: m[1]!, file: relative(REPO_ROOT, file) })),
  );
}
