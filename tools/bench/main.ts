import { auditBench } from './audit.bench';
import { commandsBench } from './commands.bench';
import { httpBench } from './http.bench';
import { runStoreBench } from './store.bench';
import { timersBench } from './timers.bench';

/**
 * `npm run bench -- <suite>…` (no argument: every suite). Each suite prints one JSON object per
 * line: `{"suite":…,"metric":…,"value":…,"unit":…}`. Add a suite by adding it here.
 */
export const suites: Record<string, () => Promise<void>> = {
  store: runStoreBench,
  timers: timersBench,
  audit: auditBench,
  commands: commandsBench,
  http: httpBench,
};

async function main(argv: readonly string[]): Promise<number> {
  const names = argv.length > 0 ? argv : Object.keys(suites);
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
