import { AccessPolicy } from '@bihuan/auth';
import { Actor, DomainError } from '@bihuan/core';
import { DirectoryImport, RowRejection } from '../domain/directory-inputs';
import { DirectoryState } from '../domain/directory.model';

/**
 * Delegated administration (issue 16): every directory write touches units, and the actor must
 * have each of them in scope — AccessPolicy.inScope, the one declaration (a city's admin: its own
 * subtree; the root's admin: all). These helpers only name which units a write touches.
 */
export class DirectoryScope {
  constructor(
    private readonly access: AccessPolicy,
    private readonly actor: Actor,
  ) {}

  /** 403 AUTH.OUT_OF_SCOPE unless every unit is the actor's to manage. */
  require(...unitIds: readonly (string | null | undefined)[]): void {
    for (const id of unitIds) {
      if (id === undefined) continue;
      if (id === null) {
        // A new root (province) is only for an administrator of a root.
        if (!this.access.readsEverywhere(this.actor)) {
          throw DomainError.forbidden(
            'AUTH.OUT_OF_SCOPE',
            `${this.actor.role} ${this.actor.id} of ${this.actor.unit} may not create a top-level unit`,
          );
        }
        continue;
      }
      // An unknown unit is the decider's to refuse (400/404 naming the field).
      if (this.access.jurisdiction.get(id)) this.access.assertInScope(this.actor, id, 'the directory');
    }
  }

  /**
   * An inspector's conflicts of interest (issue 16, their one home): the inspector for themself, or
   * an admin or leader whose scope covers the inspector's unit. The route's @Roles admits these three.
   */
  requireConflictsOf(userId: string, unitId: string | undefined): void {
    if (this.actor.role === 'inspector' && this.actor.id !== userId) {
      throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `inspector ${this.actor.id} records only their own conflicts of interest`);
    }
    this.require(unitId);
  }

  /** The unit a new item hangs under, following parents the same file creates, to the first the directory holds. */
  private anchor(unitId: string, file: DirectoryImport): string | null {
    const seen = new Set<string>();
    let id: string | null = unitId;
    while (id !== null && !this.access.jurisdiction.get(id) && !seen.has(id)) {
      seen.add(id);
      const row = file.units.find((u) => u.input.id === id);
      if (!row) return id;
      id = row.input.parentId;
    }
    return id;
  }

  private covers(unitId: string | null): boolean {
    if (unitId === null) return this.access.readsEverywhere(this.actor);
    return !this.access.jurisdiction.get(unitId) || this.access.inScope(this.actor, unitId);
  }

  /** Rows of an import that reach outside the actor's subtree, as rejections (AUTH.OUT_OF_SCOPE). */
  importRejections(state: DirectoryState, file: DirectoryImport): RowRejection[] {
    const out: RowRejection[] = [];
    const outside = (ref: RowRejection['sheet'], row: number, field: string, id: string): void => {
      out.push({ sheet: ref, row, field, rule: 'AUTH.OUT_OF_SCOPE', message: `「${id}」不在您管理的范围内` });
    };
    for (const { ref, input } of file.units) {
      const existing = state.units.has(input.id);
      const at = existing ? input.id : input.parentId === null ? null : this.anchor(input.parentId, file);
      const moved = existing && input.parentId !== null && state.units.get(input.id)?.parentId !== input.parentId;
      if (!this.covers(at) || (moved && !this.covers(this.anchor(String(input.parentId), file)))) {
        outside(ref.sheet, ref.row, existing ? 'id' : 'parentId', existing ? input.id : String(input.parentId));
      }
    }
    for (const { ref, input } of file.departments) {
      if (!this.covers(this.anchor(input.institutionId, file))) outside(ref.sheet, ref.row, 'institutionId', input.institutionId);
    }
    for (const { ref, input } of file.users) {
      const current = state.users.get(input.id);
      if (current && !this.covers(current.unitId)) outside(ref.sheet, ref.row, 'id', input.id);
      else if (!this.covers(this.anchor(input.unitId, file))) outside(ref.sheet, ref.row, 'unitId', input.unitId);
    }
    return out;
  }
}
