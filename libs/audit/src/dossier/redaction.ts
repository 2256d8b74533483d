import { Actor } from '@bihuan/core';
import { HistoryEntry } from '../history/case-history.types';
import { Redactor } from './dossier.types';

/** Shown for personal data whose key was deleted (erasure). */
export const ERASED_MARKER = '「已删除」';
/** Shown to roles that may see personal data: it is stored encrypted and opened only through the privacy service. */
export const ENCRYPTED_MARKER = '「个人信息·加密保存」';
/** Shown to roles that may not see personal data at all (hospital, public, partner …). */
export const PROTECTED_MARKER = '「受保护」';

/** Roles that may know that, and whose, personal data is on a case (domain.md: leaders audit, admins operate). */
export const PERSONAL_DATA_ROLES: readonly Actor['role'][] = ['leader', 'admin', 'inspector'];

/** Field names that hold personal data or point at a data subject. */
export const PERSONAL_FIELD = /(ciphertext$|^subjectId$|^complainantId$|^identity$|^contact)/i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function redactValue(value: Json, marker: (subjectId: string | null) => string, subjectId: string | null): Json {
  if (Array.isArray(value)) return value.map((v) => redactValue(v, marker, subjectId));
  if (value === null || typeof value !== 'object') return value;
  const own = typeof value['subjectId'] === 'string' ? (value['subjectId'] as string) : subjectId;
  // A sealed evidence file's name is its owner's data (core's EvidenceFile: { name, sealed: { subjectId } }).
  const sealed = value['sealed'];
  const owner =
    sealed && typeof sealed === 'object' && !Array.isArray(sealed) && typeof sealed['subjectId'] === 'string' ? sealed['subjectId'] : null;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) {
    const personal = PERSONAL_FIELD.test(k) || (k === 'name' && owner !== null && marker(owner) !== ENCRYPTED_MARKER);
    out[k] = personal ? marker(k === 'name' ? owner : own) : redactValue(v, marker, own);
  }
  return out;
}

/**
 * The default redaction until libs/privacy supplies its own: every personal field (see
 * PERSONAL_FIELD, at any depth) is replaced by a marker — 「已删除」 when its subject was erased,
 * else 「个人信息·加密保存」 for leader/admin/inspector and 「受保护」 for everyone else. Neither the
 * ciphertext nor the subject id reaches the human-readable part of a dossier.
 */
export function defaultRedact(isErased: (subjectId: string) => boolean = () => false): Redactor {
  return (entry: HistoryEntry, reader: Actor) => {
    const allowed = PERSONAL_DATA_ROLES.includes(reader.role);
    const marker = (subjectId: string | null): string =>
      subjectId !== null && isErased(subjectId) ? ERASED_MARKER : allowed ? ENCRYPTED_MARKER : PROTECTED_MARKER;
    return redactValue(entry.data as Json, marker, null) as object;
  };
}
