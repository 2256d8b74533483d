import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppConfig, signingKeyFileOf } from './app-config';

/**
 * The HS256 key of the embedded default: read from `${DATA_DIR}/jwt-signing.key`, or generated there
 * on first start (48 random bytes, 0600). The API, the worker and the CLI all call this, so tokens the
 * CLI mints are accepted by the running API. Creation is atomic: the key is written in full to a
 * private temporary file and hard-linked into place, which fails if another process won the race —
 * then both read the winner's key.
 */
export function ensureSigningKey(config: Pick<AppConfig, 'dataDir'>): string {
  const file = signingKeyFileOf(config);
  const existing = readKey(file);
  if (existing) return existing;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${randomBytes(48).toString('base64url')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const key = readKey(file);
  if (!key) throw new Error(`${file} is empty: delete it to generate a new signing key`);
  return key;
}

function readKey(file: string): string | null {
  try {
    const key = readFileSync(file, 'utf8').trim();
    if (key.length < 32) throw new Error(`${file} holds fewer than 32 characters: delete it to generate a new signing key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
