import { join } from 'node:path';
import { ROLES } from '@bihuan/core';
import { buildCatalogue, VOCABULARIES } from './vocabularies';
import { productionSources, REPO_ROOT, scan } from './source-scan';

/**
 * Every closed word list declared anywhere (an `export const X = [...] as const` in a context's
 * domain folder or in core) and every label map there must be in the one catalogue, and every
 * label must be Chinese. A new list or value without its label fails here (and a label map typed
 * over its codes fails to compile).
 */
const libs = join(REPO_ROOT, 'libs');
const sources = [
  ...productionSources(libs).filter((f) => /[/\\]libs[/\\][a-z-]+[/\\]src[/\\]domain[/\\]/.test(f)),
  ...productionSources(join(libs, 'core/src')),
];
const lists = scan(sources, /export const ([A-Z][A-Z0-9_]*)(?::[^=]+)? = \[[^\]]*\] as const/g);
const labelMaps = scan(sources, /export const ([A-Z][A-Z0-9_]*_LABELS)\b/g);
const libOf = (file: string): string => /^libs\/([a-z-]+)\//.exec(file.replace(/\\/g, '/'))![1]!;

/** Exported names of a lib's index, by name. */
function exportsOf(lib: string): Readonly<Record<string, unknown>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`@bihuan/${lib}`) as Record<string, unknown>;
}

const vocabularies = Object.entries(VOCABULARIES).map(([name, labels]) => ({ name, labels: labels as Readonly<Record<string, string>> }));
const CJK = /[\u3400-\u9fff]/;

describe('the catalogue of words', () => {
  it('finds the word lists it checks (the scan works)', () => {
    expect(lists.map((l) => l.name)).toEqual(
      expect.arrayContaining(['ROLES', 'VISIT_KINDS', 'COMPLAINT_CHANNELS', 'ETHICS_GRADES', 'CREDIT_MEASURES']),
    );
  });

  it.each(lists.map((l) => [l.name, l.file]))('serves every value of %s (%s) with a label', (name, file) => {
    const values = exportsOf(libOf(file))[name];
    expect(Array.isArray(values)).toBe(true);
    const home = vocabularies.find((v) => (values as string[]).every((value) => value in v.labels));
    expect({ list: name, servedBy: home ? 'a vocabulary' : 'none' }).toEqual({ list: name, servedBy: 'a vocabulary' });
  });

  it.each(labelMaps.map((l) => [l.name, l.file]))('serves the label map %s (%s), or only words it serves', (name, file) => {
    const map = exportsOf(libOf(file))[name] as Readonly<Record<string, string>>;
    // A map is a vocabulary, or (like CREDIT_LABELS) a union of vocabularies for text that shows several.
    const served = (value: string, label: string): boolean => vocabularies.some((v) => v.labels[value] === label);
    const strays = Object.entries(map).filter(([value, label]) => !served(value, label));
    expect(strays).toEqual([]);
  });

  it.each(vocabularies.map((v) => [v.name, v.labels]))('labels every value of %s in Chinese', (_name, labels) => {
    const entries = Object.entries(labels);
    expect(entries.length).toBeGreaterThan(0);
    for (const [value, label] of entries) expect({ value, label, chinese: CJK.test(label) }).toEqual({ value, label, chinese: true });
  });

  it('answers each vocabulary as [{ value, label }] in its declared order', () => {
    const catalogue = buildCatalogue();
    expect(Object.keys(catalogue)).toEqual(Object.keys(VOCABULARIES));
    expect(catalogue.complaintChannels[0]).toEqual({ value: 'window', label: '现场窗口' });
    expect(catalogue.roles.map((e) => e.value).sort()).toEqual([...ROLES].sort());
    for (const [name, labels] of Object.entries(VOCABULARIES)) {
      const served = catalogue[name as keyof typeof catalogue];
      expect({ name, values: served.map((e) => e.value).sort() }).toEqual({ name, values: Object.keys(labels).sort() });
      expect(served.every((e) => CJK.test(e.label))).toBe(true);
    }
  });
});
