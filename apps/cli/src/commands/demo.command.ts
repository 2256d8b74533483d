import { CliCommand } from '../cli-command';
import { UsageError } from '../argv';
import { runDemo } from '../demo/run-demo';

/**
 * `demo [--keep]` (what `npm run demo` runs): the inspection and complaint stories through the
 * HTTP API on a fresh temporary data directory with a fake clock, then the integrity check.
 * Exit 0 when every step succeeded, 1 naming the step and the HTTP answer that failed.
 */
export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Run the inspection and complaint stories end to end on a temporary data directory (--keep keeps it)',
  usage: 'demo [--keep]',
  async run(args, io) {
    const unknown = Object.keys(args.flags).filter((f) => f !== 'keep');
    if (unknown.length > 0 || args.positionals.length > 0)
      throw new UsageError(`unexpected ${[...unknown.map((f) => `--${f}`), ...args.positionals].join(' ')}`);
    return runDemo({ out: { line: (text = '') => io.out(text) }, err: (text) => io.err(text) }, { keep: args.flags['keep'] !== undefined });
  },
};
