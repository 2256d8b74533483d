import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectoryUser, Unit } from '@bihuan/auth';
import { AppConfig } from './app-config';
import { demoDirectorySeed } from './demo-directory.seed';

export interface DirectoryData {
  readonly units: readonly Unit[];
  readonly users: readonly DirectoryUser[];
}

const ROLES = new Set(['admin', 'leader', 'inspector', 'hospital', 'partner']);

function user(raw: unknown, file: string, index: number): DirectoryUser {
  const u = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string): string => {
    const value = u[key];
    if (typeof value !== 'string' || value.length === 0) throw new Error(`${file}: users[${index}].${key} must be a non-empty string`);
    return value;
  };
  const role = text('role');
  if (!ROLES.has(role)) throw new Error(`${file}: users[${index}].role "${role}" is not one of ${[...ROLES].join(', ')}`);
  if (u['active'] !== undefined && typeof u['active'] !== 'boolean')
    throw new Error(`${file}: users[${index}].active must be true or false`);
  return { id: text('id'), name: text('name'), role: role as DirectoryUser['role'], unit: text('unit'), active: u['active'] !== false };
}

/**
 * Where the directory comes from: `${DATA_DIR}/jurisdiction.json` when present — either
 * `{ "units": [...], "users": [...] }` or, as before, a bare array of units (then no users) —
 * else the demo seed of the embedded default (demo-directory.seed.ts, docs/operations.md).
 * API and CLI both read the directory here, so a token the CLI mints names a user the API knows.
 */
export function loadDirectory(config: Pick<AppConfig, 'dataDir'>): DirectoryData {
  const file = join(config.dataDir, 'jurisdiction.json');
  if (!existsSync(file)) return demoDirectorySeed();
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (Array.isArray(parsed)) return { units: parsed as Unit[], users: [] };
  const body = (parsed ?? {}) as { units?: unknown; users?: unknown };
  if (!Array.isArray(body.units)) throw new Error(`${file} must hold { "units": [...], "users": [...] } or a JSON array of units`);
  if (body.users !== undefined && !Array.isArray(body.users)) throw new Error(`${file}: "users" must be an array`);
  return { units: body.units as Unit[], users: ((body.users ?? []) as unknown[]).map((u, i) => user(u, file, i)) };
}
