import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * ADR 0029, checked rather than hoped for: no statement SQLite may run binds its LIMIT bare.
 * A Kysely `.limit(…)` goes through `limitOf`, and hand-written SQL binds it through `boundLimit`.
 * SQLite would otherwise prepare the statement again on every run.
 */
const libs = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

// limit.ts explains the rule, so its comments name what it forbids. PostgreSQL's own statements
// bind LIMIT freely: it plans a bound value without preparing again.
const sources = files(libs).filter(
  (file) => !file.endsWith(join('database', 'src', 'limit.ts')) && !file.includes(`${join('adapters', 'postgres')}`),
);

describe('LIMIT in the libraries (ADR 0029)', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(500);
  });

  it('writes every Kysely limit through limitOf and never binds a bare LIMIT in SQL', () => {
    const offenders = sources.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const bare = [...text.matchAll(/\.limit\((?!limitOf\()|\bLIMIT\s+(?:\?(?!\?)|[@$:]\w)/g)].map((m) => m[0]);
      return bare.length > 0 ? [`${relative(libs, file)}: ${bare.join(', ')}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
