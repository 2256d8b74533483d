import { auditBench } from './audit.bench';
import { commandsBench } from './commands.bench';
import { consoleBench } from './console.bench';
import { creditBench } from './credit.bench';
import { projectionsBench } from './projections.bench';
import { httpBench } from './http.bench';
import { ledgerBench } from './ledger.bench';
import { runStoreBench } from './store.bench';
import { streamsBench } from './streams.bench';
import { timersBench } from './timers.bench';
import { reconcileBench } from './reconcile.bench';
import { uploadBench } from './upload.bench';

/**
 * `npm run bench -- <suite>…` (no argument: every suite). Each suite prints one JSON object per
 * line: `{"suite":…,"metric":…,"value":…,"unit":…}`. Add a suite by adding it here.
 */
export const suites: Record<string, () => Promise<void>> = {
  store: runStoreBench,
  timers: timersBench,
  reconcile: reconcileBench,
  audit: auditBench,
  commands: commandsBench,
  streams: streamsBench,
  credit: creditBench,
  projections: projectionsBench,
  http: httpBench,
  upload: uploadBench,
  console: consoleBench,
  ledger: ledgerBench,
};

async function main(argv: readonly string[]): Promise<number> {
  // `--name=value` arguments are options a suite reads itself (e.g. projections --events=N).
  const picked = argv.filter((a) => !a.startsWith('--'));
  const names = picked.length > 0 ? picked : Object.keys(suites);
  const unknown = names.filter((n) => !(n in suites));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown bench suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}\n`);
    return 2;
  }
  for (const name of names) await suites[name]!();
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
