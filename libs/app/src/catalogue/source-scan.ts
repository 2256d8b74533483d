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
  /** 1-based line of the match's start, so a failure can say where to look. */
  readonly line: number;
  /** Offset of the match's end in the file's text, for a caller that reads on (a call's arguments). */
  readonly end: number;
}

/** The 1-based line of each offset, by binary search over the offsets of the line breaks. */
function lineOf(text: string): (offset: number) => number {
  const breaks = [...text.matchAll(/\n/g)].map((m) => m.index);
  return (offset) => {
    let [low, high] = [0, breaks.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

/** Every match of `pattern`'s first group in the files, with the file (relative to the root) and line it is at. */
export function scan(files: readonly string[], pattern: RegExp): Found[] {
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const line = lineOf(text);
    return [...text.matchAll(pattern)].map((m) => ({
      name: m[1]!,
      file: relative(REPO_ROOT, file),
      line: line(m.index),
      end: m.index + m[0].length,
    }));
  });
}
