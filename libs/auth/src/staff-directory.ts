import { DomainError } from '@bihuan/core';

/**
 * Read port: the institution a staff member (医务人员) belongs to. The directory's staff records
 * (`StaffRegistered` in `directory-main`) say it; a staff member not listed there is on an
 * institution's books once their ethics archive (`ethicsArchive-<staffId>`) is opened there. The
 * ethics context provides the adapter that reads both.
 */
export abstract class StaffDirectory {
  /** The institution whose archive holds the staff member, or null when no archive exists yet. */
  abstract institutionOf(staffId: string): Promise<string | null>;
}

/**
 * The one rule for every command that names a staff member on behalf of an institution: the
 * reference is valid for institution X iff the staff member's archive belongs to X, or no archive
 * exists yet (then the first record opens it at X). Otherwise 403 `AUTH.STAFF_OF_OTHER_INSTITUTION`
 * naming the field — and not the other institution, which the caller may not know about.
 */
export function assertStaffBelongsTo(staffId: string, owner: string | null, institutionId: string, field = 'staffId'): void {
  if (owner === null || owner === institutionId) return;
  throw new DomainError(
    'AUTH.STAFF_OF_OTHER_INSTITUTION',
    `${field} "${staffId}" is not on the staff of institution ${institutionId}`,
    'forbidden',
    { field },
  );
}

/** Looks the staff member up and applies assertStaffBelongsTo. */
export async function assertStaffOf(directory: StaffDirectory, staffId: string, institutionId: string, field = 'staffId'): Promise<void> {
  assertStaffBelongsTo(staffId, await directory.institutionOf(staffId), institutionId, field);
}
