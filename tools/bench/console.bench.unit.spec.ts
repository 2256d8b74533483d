import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstLoadOf, staticImportsOf } from './console.bench';

describe('the console bench: a page’s first load', () => {
  it('reads static imports of minified modules and never a lazy import()', () => {
    const source = `const m=()=>import("./Lazy-1.js");import{a as b}from"./react-2.js";import"./side-3.js";export{c}from"./re-4.js";var x=1`;
    expect(staticImportsOf(source)).toEqual(['./react-2.js', './side-3.js', './re-4.js']);
  });

  it('follows the entry script, its modulepreload links and their imports, with the stylesheets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-bench-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(
        join(dir, 'portal.html'),
        '<script type="module" crossorigin src="/assets/portal.js"></script><link rel="modulepreload" href="/assets/runtime.js"><link rel="stylesheet" href="/assets/portal.css">',
      );
      writeFileSync(join(dir, 'assets/portal.js'), 'import{a}from"./react.js";const p=()=>import("./Page.js");');
      writeFileSync(join(dir, 'assets/react.js'), 'import"./runtime.js";export const a=1');
      writeFileSync(join(dir, 'assets/runtime.js'), 'export const r=1');
      writeFileSync(join(dir, 'assets/Page.js'), 'export default 1');
      expect(firstLoadOf(dir, 'portal.html')).toEqual({
        js: ['/assets/portal.js', '/assets/react.js', '/assets/runtime.js'],
        css: ['/assets/portal.css'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
