import { randomBytes } from 'node:crypto';
import { Clock, SystemClock } from '@bihuan/core';
import {
  assertSubject,
  clampLimit,
  noNewKeyAfterErasure,
  SUBJECT_KEY_BYTES,
  SubjectErasure,
  SubjectKeyInfo,
  SubjectKeyListOptions,
  SubjectKeyStats,
  SubjectKeyStore,
} from './subject-key-store.port';

interface Entry {
  key: Buffer | null;
  readonly createdAt: string;
  erasure?: SubjectErasure;
}

/** In-process key store for unit tests and the demo; keys die with the process. */
export class MemorySubjectKeyStore implements SubjectKeyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock = new SystemClock()) {}

  async create(subjectId: string): Promise<void> {
    assertSubject(subjectId);
    const entry = this.entries.get(subjectId);
    if (entry?.erasure) throw noNewKeyAfterErasure(subjectId);
    if (entry) return;
    this.entries.set(subjectId, { key: randomBytes(SUBJECT_KEY_BYTES), createdAt: this.clock.now().toISOString() });
  }

  async get(subjectId: string): Promise<Buffer | 'erased' | null> {
    assertSubject(subjectId);
    const entry = this.entries.get(subjectId);
    if (!entry) return null;
    return entry.key ? Buffer.from(entry.key) : 'erased';
  }

  async erase(subjectId: string, erasure: SubjectErasure): Promise<boolean> {
    assertSubject(subjectId);
    const entry = this.entries.get(subjectId);
    if (!entry || entry.erasure || !entry.key) return false;
    entry.key.fill(0);
    entry.key = null;
    entry.erasure = { ...erasure };
    return true;
  }

  async info(subjectId: string): Promise<SubjectKeyInfo | null> {
    assertSubject(subjectId);
    const entry = this.entries.get(subjectId);
    return entry ? toInfo(subjectId, entry) : null;
  }

  async list(options: SubjectKeyListOptions = {}): Promise<SubjectKeyInfo[]> {
    const all = [...this.entries.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, e]) => toInfo(id, e))
      .filter((i) => !options.status || i.status === options.status);
    const offset = Math.max(0, options.offset ?? 0);
    return all.slice(offset, offset + clampLimit(options.limit));
  }

  async stats(): Promise<SubjectKeyStats> {
    let erased = 0;
    for (const e of this.entries.values()) if (e.erasure) erased += 1;
    return { active: this.entries.size - erased, erased };
  }

  async close(): Promise<void> {
    // nothing to release
  }
}

function toInfo(subjectId: string, e: Entry): SubjectKeyInfo {
  return e.erasure
    ? { subjectId, status: 'erased', createdAt: e.createdAt, erasure: e.erasure }
    : { subjectId, status: 'active', createdAt: e.createdAt };
}
