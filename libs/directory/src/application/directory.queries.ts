import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy } from '@bihuan/auth';
import { Actor } from '@bihuan/core';
import { DirectorySnapshot } from '../import';
import { DirectoryDepartment, DirectoryPerson, DirectoryStaff, DirectoryUnit } from '../domain/directory.model';
import { notFound } from '../domain/directory-errors';
import { LiveDirectory } from './live-directory';

export interface UnitView extends DirectoryUnit {
  readonly children: readonly string[];
  readonly departments: readonly DirectoryDepartment[];
}

/** Reads of the directory for people: only the actor's own subtree (AccessPolicy.visibleUnits). */
@Injectable()
export class DirectoryQueries {
  constructor(
    private readonly live: LiveDirectory,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
  ) {}

  private visible(actor: Actor): Set<string> {
    return new Set(this.access.visibleUnits(actor));
  }

  /** The units the actor may see, parents before children (the tree in breadth-first order). */
  units(actor: Actor): DirectoryUnit[] {
    const state = this.live.state;
    return this.access.visibleUnits(actor).flatMap((id) => state.units.get(id) ?? []);
  }

  unit(actor: Actor, unitId: string): UnitView {
    const state = this.live.state;
    const unit = state.units.get(unitId);
    if (!unit || !this.visible(actor).has(unitId)) throw notFound('UNIT', 'unitId', unitId);
    const children = [...state.units.values()].filter((u) => u.parentId === unitId).map((u) => u.id);
    const departments = [...state.departments.values()].filter((d) => d.institutionId === unitId);
    return { ...unit, children, departments };
  }

  users(actor: Actor, unitId?: string): DirectoryPerson[] {
    const visible = this.visible(actor);
    return [...this.live.state.users.values()].filter((u) => visible.has(u.unitId) && (unitId === undefined || u.unitId === unitId));
  }

  user(actor: Actor, userId: string): DirectoryPerson {
    const user = this.live.state.users.get(userId);
    if (!user || !this.visible(actor).has(user.unitId)) throw notFound('USER', 'userId', userId);
    return user;
  }

  staff(actor: Actor, institutionId?: string): DirectoryStaff[] {
    const visible = this.visible(actor);
    return [...this.live.state.staff.values()].filter(
      (s) => visible.has(s.institutionId) && (institutionId === undefined || s.institutionId === institutionId),
    );
  }

  /** What the export writes: the actor's subtree as import inputs, so an export can be edited and imported again. */
  snapshot(actor: Actor): DirectorySnapshot {
    const visible = this.visible(actor);
    const state = this.live.state;
    return {
      units: this.units(actor),
      departments: [...state.departments.values()].filter((d) => visible.has(d.institutionId)),
      users: this.users(actor).map(({ conflicts: _c, ...u }) => ({ ...u, username: u.id })),
    };
  }
}
