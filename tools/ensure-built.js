// Builds dist/ only when it is missing or older than the sources, so `npm run cli -- …` starts at
// once instead of compiling the project before every call (the `precli` script runs this).
// "Older" is a cheap mtime walk over what tsconfig.build.json compiles (apps, libs, tools, minus
// specs, fakes and test helpers) and the build's configuration; directory mtimes are included, so
// adding or deleting a file counts too. Build output goes to stderr: stdout stays the command's
// (TOKEN=$(npm run -s cli -- token admin) must capture only the token).
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const MARKER = join(ROOT, 'dist', '.built-at');
const MAIN = join(ROOT, 'dist', 'apps', 'cli', 'src', 'main.js');
const CONFIG = ['package.json', 'tsconfig.base.json', 'tsconfig.build.json'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'testing', 'e2e']);
const compiled = (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.fake.ts');

function newestUnder(dir) {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) newest = Math.max(newest, newestUnder(join(dir, entry.name)));
    } else if (compiled(entry.name)) {
      newest = Math.max(newest, statSync(join(dir, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function mtimeOf(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

// Our stamp, or the compiler's own build info when `npm run build` made dist (no rebuild after it).
const builtAt = () => Math.max(mtimeOf(MARKER), mtimeOf(join(ROOT, 'dist', '.tsbuildinfo')));

const sources = Math.max(
  ...['apps', 'libs', 'tools'].map((d) => newestUnder(join(ROOT, d))),
  ...CONFIG.map((f) => statSync(join(ROOT, f)).mtimeMs),
);
if (sources > builtAt() || mtimeOf(MAIN) === -Infinity) {
  process.stderr.write('源代码有改动，正在编译（npm run build）…\n');
  const started = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (tsc.status !== 0) {
    process.stderr.write('编译失败，未运行命令（见上方错误）。\n');
    process.exit(tsc.status ?? 1);
  }
  // Stamped with the time the build started: a source saved during the build is newer, so the next call builds again.
  writeFileSync(MARKER, '');
  utimesSync(MARKER, started / 1000, started / 1000);
  process.stderr.write(`编译完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）。\n`);
}
