import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * architecture.md rule 1, checked rather than hoped for: the inspection domain and workflows import
 * only @bihuan/core and their own folders, and never read the clock or make random ids.
 */
const root = join(__dirname, '..');
const pure = ['domain', 'workflows'].map((dir) => join(root, dir));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = pure.flatMap(files).filter((f) => !f.endsWith('.spec.ts'));
const imports = (text: string) => [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]!);

describe('inspection purity', () => {
  it('has sources to check', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources.map((f) => [relative(root, f), f]))('%s imports only @bihuan/core and its own folders', (_name, file) => {
    for (const spec of imports(readFileSync(file, 'utf8'))) {
      if (spec === '@bihuan/core') continue;
      expect(spec.startsWith('.')).toBe(true);
      const target = resolve(join(file, '..'), spec);
      expect(pure.some((dir) => target.startsWith(dir))).toBe(true);
    }
  });

  it.each(sources.filter((f) => !f.endsWith('.fixtures.ts')).map((f) => [relative(root, f), f]))(
    '%s reads no clock and makes no random ids',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      expect(text).not.toMatch(/new Date\(|Date\.now\(|Math\.random\(|randomUUID|process\.|require\(/);
    },
  );
});
