import 'reflect-metadata';
import { runCli } from './run-cli';

/** `npm run cli -- <command> [options]` (see `help`). */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
