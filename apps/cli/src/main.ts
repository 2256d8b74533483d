import 'reflect-metadata';
import { runCli } from './run-cli';

// Files this process creates (log, keys, exports) are private to the service user: 0600 / 0700.
process.umask(0o077);

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
