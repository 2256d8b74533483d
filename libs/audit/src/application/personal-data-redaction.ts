import { Actor, isDomainError } from '@bihuan/core';
import { identityDisplayFor, PersonalDataAccess, PersonalIdentity, SubjectKeyStore } from '@bihuan/privacy';
import { Redactor } from '../dossier/dossier.types';
import { ENCRYPTED_MARKER, ERASED_MARKER, PERSONAL_FIELD, PROTECTED_MARKER } from '../dossier/redaction';
import { HistoryEntry } from '../history/case-history.types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** How one data subject appears to one reader in one answer or export. */
export type SubjectView =
  | { readonly kind: 'erased' }
  | { readonly kind: 'hidden' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'shown'; readonly masked: boolean; readonly identity: PersonalIdentity };

/** What the privacy lib offers when PrivacyModule is wired (each part optional). */
export interface PrivacyPorts {
  readonly access?: PersonalDataAccess;
  readonly keys?: SubjectKeyStore;
}

/** The case a read is for, recorded with every decryption. */
export interface ReadContext {
  readonly caseStream: string;
  readonly caseUnit: string | null;
  readonly purpose: string;
}

/** Every (subject, ciphertext) pair in the entries' data, at any depth (first ciphertext wins). */
export function subjectsIn(entries: readonly HistoryEntry[]): Map<string, string | null> {
  const found = new Map<string, string | null>();
  const walk = (value: Json): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const subject = value['subjectId'];
    if (typeof subject === 'string') {
      const ct = Object.entries(value).find(([k, v]) => /ciphertext$/i.test(k) && typeof v === 'string')?.[1] as string | undefined;
      if (!found.get(subject)) found.set(subject, ct ?? null);
    }
    Object.values(value).forEach(walk);
  };
  entries.forEach((e) => walk(e.data as Json));
  return found;
}

/**
 * Resolves each subject once per read: erased (key destroyed) for every role; otherwise by
 * privacy's IDENTITY_DISPLAY through `PersonalDataAccess.redactFor` (which records the view in the
 * access log, with the case and purpose). A ciphertext that cannot be opened (key missing,
 * tampered) is shown as encrypted rather than failing the whole audit read; the access log holds
 * the failure. Without the privacy lib wired, allowed roles see the encrypted marker.
 */
export async function resolveSubjects(
  subjects: Map<string, string | null>,
  reader: Actor,
  ports: PrivacyPorts,
  ctx: ReadContext,
): Promise<Map<string, SubjectView>> {
  const views = new Map<string, SubjectView>();
  const hidden = identityDisplayFor(reader) === 'hidden';
  for (const [subjectId, ciphertext] of subjects) {
    if (ports.keys && (await ports.keys.get(subjectId)) === 'erased') views.set(subjectId, { kind: 'erased' });
    else if (hidden) views.set(subjectId, { kind: 'hidden' });
    else if (!ports.access || !ciphertext) views.set(subjectId, { kind: 'encrypted' });
    else views.set(subjectId, await viewThroughPrivacy(ports.access, reader, subjectId, ciphertext, ctx));
  }
  return views;
}

async function viewThroughPrivacy(
  access: PersonalDataAccess,
  reader: Actor,
  subjectId: string,
  ciphertext: string,
  ctx: ReadContext,
): Promise<SubjectView> {
  try {
    const r = await access.redactFor(reader, {
      subjectId,
      ciphertext,
      purpose: ctx.purpose,
      caseStream: ctx.caseStream,
      ...(ctx.caseUnit ? { caseUnit: ctx.caseUnit } : {}),
    });
    if (!r.visible) return { kind: 'hidden' };
    if (r.erased) return { kind: 'erased' };
    return { kind: 'shown', masked: r.masked, identity: r.identity };
  } catch (error) {
    if (isDomainError(error)) return { kind: 'encrypted' };
    throw error;
  }
}

/**
 * The owner of a sealed evidence file (`{ name, sealed: { subjectId } }`, core's EvidenceFile):
 * its name is that person's data, shown only to whom their identity is.
 */
export function sealedOwner(value: { readonly [key: string]: unknown }): string | null {
  const sealed = value['sealed'];
  if (typeof sealed !== 'object' || sealed === null) return null;
  const subject = (sealed as { subjectId?: unknown }).subjectId;
  return typeof subject === 'string' ? subject : null;
}

const MARKER: Record<Exclude<SubjectView['kind'], 'shown'>, string> = {
  erased: ERASED_MARKER,
  hidden: PROTECTED_MARKER,
  encrypted: ENCRYPTED_MARKER,
};

/**
 * A Redactor over resolved subjects: in an object that names a subject, an `…Ciphertext` field
 * becomes the identity as the reader may see it (`identityCiphertext` → `identity`, plus
 * `identityMasked`) and the other personal fields (subject id, contacts) are dropped; otherwise
 * every personal field is replaced by 已删除 / 受保护 / 个人信息·加密保存. Personal fields without a
 * subject get the role's marker.
 */
export function subjectRedactor(views: ReadonlyMap<string, SubjectView>, reader: Actor): Redactor {
  const fallback: SubjectView = identityDisplayFor(reader) === 'hidden' ? { kind: 'hidden' } : { kind: 'encrypted' };
  const redact = (value: Json, inherited: SubjectView): Json => {
    if (Array.isArray(value)) return value.map((v) => redact(v, inherited));
    if (value === null || typeof value !== 'object') return value;
    const subject = value['subjectId'];
    const view = typeof subject === 'string' ? (views.get(subject) ?? fallback) : inherited;
    const owner = sealedOwner(value);
    const nameView = owner === null ? null : (views.get(owner) ?? fallback);
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'name' && nameView && (nameView.kind === 'erased' || nameView.kind === 'hidden')) out[k] = MARKER[nameView.kind];
      else if (!PERSONAL_FIELD.test(k)) out[k] = redact(v, view);
      else if (view.kind !== 'shown') out[k] = MARKER[view.kind];
      else if (/ciphertext$/i.test(k)) {
        const name = k.replace(/ciphertext$/i, '') || 'identity';
        out[name] = { ...view.identity } as Json;
        out[`${name}Masked`] = view.masked;
      }
    }
    return out;
  };
  return (entry: HistoryEntry) => redact(entry.data as Json, fallback) as object;
}
