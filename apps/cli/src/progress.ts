import { ParsedArgs } from './argv';
import { CliIo } from './cli-command';

/** Receives progress of long work: `done` of `total` units so far (total null when unknown). */
export type ProgressListener = (done: number, total: number | null) => void;

/** A progress display for one piece of long work. */
export interface Progress {
  readonly update: ProgressListener;
  /** The final line (always shown when progress is on), then the terminal line is released. */
  finish(): void;
}

export interface ProgressOptions {
  /** What is counted, in Chinese: `校验事件`, `重放事件`. */
  readonly label: string;
  /** Milliseconds between shown updates (default 250: about four a second). */
  readonly intervalMs?: number;
  /** Monotonic milliseconds (tests pass their own). */
  readonly now?: () => number;
}

const SILENT: Progress = { update: () => undefined, finish: () => undefined };

/** Progress is shown on stderr unless the output is for a machine (`--json`) or asked to be quiet (`--quiet`). */
export function progressWanted(args: ParsedArgs): boolean {
  return args.flags['json'] === undefined && args.flags['quiet'] === undefined;
}

function line(label: string, done: number, total: number | null, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const share = total && total > 0 ? `（${Math.floor((done * 100) / total)}%）` : '';
  return `${label} ${done}${total !== null ? `/${total}` : ''}${share}，每秒 ${rate}`;
}

/**
 * Progress on stderr, throttled to one shown update per interval (the work may report every page):
 * on a terminal one line redrawn in place, elsewhere (a log file, a pipe) a plain line per shown
 * update. `enabled` false gives a display that shows nothing (`--json`, `--quiet`).
 */
export function createProgress(io: CliIo, enabled: boolean, options: ProgressOptions): Progress {
  if (!enabled) return SILENT;
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 250;
  const started = now();
  let shownAt = -Infinity;
  let last: { done: number; total: number | null } | null = null;
  let drawn = false;
  const show = (text: string): void => {
    if (io.errIsTTY) {
      process.stderr.write(`\r\x1b[2K${text}`);
      drawn = true;
    } else io.err(text);
  };
  return {
    update(done, total) {
      last = { done, total };
      const at = now();
      if (at - shownAt < interval) return;
      shownAt = at;
      show(line(options.label, done, total, at - started));
    },
    finish() {
      if (last) show(`${line(options.label, last.done, last.total, now() - started)}，完成`);
      if (drawn) process.stderr.write('\n');
    },
  };
}
