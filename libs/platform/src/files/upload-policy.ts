import { DomainError, Role } from '@bihuan/core';
import { expandKinds, FILE_KIND_NAMES, FileKind } from './file-kinds';

/** What one use of uploads admits: kinds and groups by name (file-kinds.ts), and the largest file. */
export interface UploadUse {
  readonly kinds: readonly string[];
  readonly maxBytes: number;
}

/** Who uploads where: the uses a streamed @FileUpload route names. */
export const UPLOAD_USES = ['inspection', 'rectification', 'complaintStaff', 'ethics', 'referral', 'credit', 'public'] as const;
export type UploadUseName = (typeof UPLOAD_USES)[number];

/**
 * Allow-lists and size limits of evidence uploads per use (issue 18), changed through
 * PUT /admin/policies/uploads like any policy; the streamed upload guard reads the one in force
 * on every upload, so a change holds from the next request.
 */
export interface UploadPolicy {
  readonly policyVersion: string;
  readonly uses: Readonly<Record<UploadUseName, UploadUse>>;
}

export const UPLOADS_POLICY_CONTEXT = 'uploads';
/** The largest limit a policy may set: beyond it a file is no evidence upload but a mistake. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

const MB = 1024 * 1024;
const use = (kinds: readonly string[], maxBytes: number): UploadUse => Object.freeze({ kinds: Object.freeze([...kinds]), maxBytes });

export const DEFAULT_UPLOAD_POLICY: UploadPolicy = Object.freeze({
  policyVersion: 'uploads@1',
  uses: Object.freeze({
    // Inspectors on visits and findings: photos, recordings, the documents they are shown.
    inspection: use(['images', 'video', 'audio', 'pdf', 'office'], 200 * MB),
    // Hospitals on plans, progress reports and sign-off requests.
    rectification: use(['images', 'video', 'pdf', 'office'], 200 * MB),
    // Staff on complaint steps.
    complaintStaff: use(['images', 'audio', 'pdf', 'office'], 50 * MB),
    // Staff on ethics records.
    ethics: use(['images', 'pdf', 'office'], 50 * MB),
    // Partner agencies answering a referral: their decision documents (立案决定书, 处分决定).
    referral: use(['images', 'pdf', 'office'], 50 * MB),
    // Credit archives: signed agreements (廉洁诚信协议) and the like, scanned or typed.
    credit: use(['images', 'pdf', 'office'], 50 * MB),
    // Complainants: nothing a document reader runs, and small.
    public: use(['images', 'pdf'], 10 * MB),
  }),
});

/**
 * What the generic override check (same keys, same JSON types) cannot see: every use names at
 * least one known kind or group, and a limit that is a whole number of bytes, > 0 and ≤ 2 GB.
 * Called on the policy the overrides make, before the change is recorded.
 */
export function checkUploadPolicy(policy: object): void {
  const uses = (policy as Partial<UploadPolicy>).uses ?? DEFAULT_UPLOAD_POLICY.uses;
  for (const name of UPLOAD_USES) {
    const { kinds, maxBytes } = uses[name];
    const at = `uses.${name}`;
    if (kinds.length === 0) throw DomainError.invalid('POLICY.OUT_OF_RANGE', `${at}.kinds`, `${at}.kinds must name at least one kind`);
    kinds.forEach((kind, i) => {
      if (typeof kind !== 'string' || !FILE_KIND_NAMES.includes(kind)) {
        throw DomainError.invalid(
          'POLICY.UNKNOWN_FILE_KIND',
          `${at}.kinds[${i}]`,
          `${at}.kinds[${i}] must be one of the following values: ${FILE_KIND_NAMES.join(', ')}`,
        );
      }
    });
    if (!Number.isInteger(maxBytes) || maxBytes <= 0 || maxBytes > MAX_UPLOAD_BYTES) {
      throw DomainError.invalid(
        'POLICY.OUT_OF_RANGE',
        `${at}.maxBytes`,
        `${at}.maxBytes must be a whole number of bytes from 1 to ${MAX_UPLOAD_BYTES}`,
      );
    }
  }
}

/** What an upload of `name` admits under `policy`: its kinds expanded, its limit capped at 2 GB. */
export function uploadRuleOf(policy: UploadPolicy, name: UploadUseName): { readonly kinds: FileKind[]; readonly maxBytes: number } {
  const rule = policy.uses[name] ?? DEFAULT_UPLOAD_POLICY.uses[name];
  return { kinds: expandKinds(rule.kinds), maxBytes: Math.min(rule.maxBytes, MAX_UPLOAD_BYTES) };
}

/**
 * The use a streamed route uploads under: one for every sender, or one per role where one route
 * takes files from several kinds of people (a finding's: inspectors' photos under `inspection`,
 * the hospital's scans under `rectification`). The route's @Roles names who may call it at all.
 */
export type UploadUseChoice = UploadUseName | { readonly byRole: Readonly<Partial<Record<Role, UploadUseName>>> };

/** The use for a sender of `role` (after authentication); a role the choice does not name is a wiring mistake. */
export function uploadUseFor(choice: UploadUseChoice, role: Role | undefined): UploadUseName {
  if (typeof choice === 'string') return choice;
  const use = role === undefined ? undefined : choice.byRole[role];
  if (!use) throw new Error(`the upload route names no use for role ${String(role)}`);
  return use;
}

/** Every use a choice may pick, with the roles that pick it (for OpenAPI). */
export function uploadUsesOf(choice: UploadUseChoice): readonly { readonly use: UploadUseName; readonly roles: readonly string[] }[] {
  if (typeof choice === 'string') return [{ use: choice, roles: [] }];
  const byUse = new Map<UploadUseName, string[]>();
  for (const [role, use] of Object.entries(choice.byRole)) if (use) byUse.set(use, [...(byUse.get(use) ?? []), role]);
  return [...byUse].map(([use, roles]) => ({ use, roles }));
}
