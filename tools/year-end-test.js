#!/usr/bin/env node
/**
 * `npm run test:year-end`: the whole jest suite with the system clock moved to 28 December
 * (10:00 UTC) of this year — where a test that read the real date would cross into a provisional
 * calendar year (docs/calendar.md). A relative offset (`+Nd`), not an absolute start, so that the
 * processes the fault tests spawn (which inherit FAKETIME) agree on the time with the runner.
 */
const { spawnSync } = require('node:child_process');

const now = new Date();
const target = Date.UTC(now.getUTCFullYear(), 11, 28, 10);
const days = Math.max(0, Math.ceil((target - now.getTime()) / 86_400_000));
console.log(`year-end: jest with the clock moved by ${days} days (to about ${new Date(now.getTime() + days * 86_400_000).toISOString()})`);
const run = spawnSync('faketime', ['-f', `+${days}d`, 'npm', 'run', '-s', 'jest'], { stdio: 'inherit' });
if (run.error) {
  console.error(`year-end: cannot run faketime (${run.error.message}); install Debian's faketime package`);
  process.exit(1);
}
process.exit(run.status ?? 1);
