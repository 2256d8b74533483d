import { finished } from 'node:stream';
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FileKind } from './file-kinds';

/** What one streamed upload admits and how it refuses (the errors are the HTTP answers). */
export interface StagingRules {
  /** The staging directory (`stagingDirOf(config)`). */
  readonly dir: string;
  readonly maxBytes: number;
  readonly kinds: readonly FileKind[];
  readonly tooLarge: () => Error;
  readonly wrongKind: () => Error;
}

/** Removes a file that may already be gone (moved by the handler, or removed by multer's abort). */
export async function unlinkQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** A staging file this old was left by a process that stopped mid-upload: no request owns it. */
export const STALE_STAGING_MS = 24 * 3600_000;

/**
 * Removes staging files a crashed or killed process left behind (a request's own are removed when
 * it is answered). Ages are the files' own times on this host's disk, so the wall clock is the
 * right one here, whatever clock the app runs on; a day keeps clear of any upload still arriving.
 */
export async function sweepStaleStaging(dir: string, maxAgeMs = STALE_STAGING_MS, nowMs = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile() && nowMs - info.mtimeMs > maxAgeMs) {
      await unlinkQuietly(path);
      removed++;
    }
  }
  return removed;
}

/**
 * One request's staging files and the writes still running into them. `release` (when the
 * response is finished or the connection is gone, whatever happened) stops every write and
 * removes every file; a write that opens its file after that removes it at once.
 */
export class StagingSession {
  private readonly files = new Map<string, () => void>();
  private released = false;

  constructor(readonly rules: StagingRules) {}

  get isReleased(): boolean {
    return this.released;
  }

  /** A staging file about to be written, and how to stop its write. */
  track(path: string, stop: () => void): void {
    this.files.set(path, stop);
  }

  async release(): Promise<void> {
    this.released = true;
    const files = [...this.files.entries()];
    this.files.clear();
    for (const [, stop] of files) stop();
    await Promise.all(files.map(([path]) => unlinkQuietly(path).catch(() => undefined)));
  }
}

const SESSIONS = new WeakMap<object, StagingSession>();

export function openStagingSession(request: object, rules: StagingRules): StagingSession {
  const session = new StagingSession(rules);
  SESSIONS.set(request, session);
  return session;
}

export function stagingSessionOf(request: object): StagingSession | undefined {
  return SESSIONS.get(request);
}

/**
 * Calls `listener` once, when the response has finished, failed or closed, or the connection of
 * its request has closed: `finished` alone may not report the last for a pipelined request that
 * waits behind another (the same reasoning as Nest's multer interceptor).
 */
export function onResponseClose(request: IncomingMessage, response: ServerResponse, listener: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    request.socket?.off('close', once);
    listener();
  };
  finished(response, once);
  if (request.socket?.destroyed) process.nextTick(once);
  else request.socket?.once('close', once);
}
