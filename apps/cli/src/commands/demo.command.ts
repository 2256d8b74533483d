import { CliCommand } from '../cli-command';
import { runDemo } from '../demo/run-demo';

/**
 * `demo [--keep]` (what `npm run demo` runs): the inspection and complaint stories through the
 * HTTP API on a fresh temporary data directory with a fake clock, then the integrity check.
 * Exit 0 when every step succeeded, 1 naming the step and the HTTP answer that failed.
 * (Unknown flags and stray words are refused by the declared schema, demo.usage.ts.)
 */
export const demoCommand: CliCommand = {
  async run(args, io) {
    return runDemo({ out: { line: (text = '') => io.out(text) }, err: (text) => io.err(text) }, { keep: args.flags['keep'] !== undefined });
  },
};
