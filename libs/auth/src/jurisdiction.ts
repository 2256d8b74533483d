import { DomainError } from '@bihuan/core';

/**
 * Levels of the administrative tree: province ⊃ city ⊃ county ⊃ institution (domain.md), and the
 * partner agencies (协同部门: 纪检监察, 公安, 医保 …) that sit beside a commission as leaves under it.
 */
export type UnitKind = 'province' | 'city' | 'county' | 'institution' | 'agency';

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly kind: UnitKind;
  readonly parentId: string | null;
  /** What kind of agency a partner unit is (the directory's AGENCY_TYPES code); absent on other units. */
  readonly agencyType?: string;
}

/** An agency is a leaf like an institution: nothing hangs below either. */
const LEVEL: Record<UnitKind, number> = { province: 0, city: 1, county: 2, institution: 3, agency: 3 };

/**
 * One immutable state of the jurisdiction tree (checked on construction: unique ids, known
 * parents, kinds that nest). The live directory builds a new one after every change.
 */
export class UnitTree {
  private readonly units = new Map<string, Unit>();
  private readonly children = new Map<string, string[]>();

  constructor(units: readonly Unit[]) {
    for (const unit of units) {
      if (this.units.has(unit.id)) throw new Error(`Duplicate unit id ${unit.id}`);
      this.units.set(unit.id, unit);
    }
    for (const unit of units) {
      if (unit.parentId === null) continue;
      const parent = this.units.get(unit.parentId);
      if (!parent) throw new Error(`Unit ${unit.id} names unknown parent ${unit.parentId}`);
      if (LEVEL[parent.kind] >= LEVEL[unit.kind]) {
        throw new Error(`Unit ${unit.id} (${unit.kind}) cannot sit under ${parent.id} (${parent.kind})`);
      }
      this.children.set(parent.id, [...(this.children.get(parent.id) ?? []), unit.id]);
    }
  }

  get(id: string): Unit | undefined {
    return this.units.get(id);
  }

  require(id: string, field = 'unitId'): Unit {
    const unit = this.units.get(id);
    if (!unit) throw DomainError.invalid('AUTH.UNKNOWN_UNIT', field, `${field} "${id}" is not a known unit`);
    return unit;
  }

  requireInstitution(id: string, field = 'institutionId'): Unit {
    const unit = this.units.get(id);
    if (!unit || unit.kind !== 'institution') {
      throw DomainError.invalid('AUTH.UNKNOWN_INSTITUTION', field, `${field} "${id}" is not a known institution`);
    }
    return unit;
  }

  /** True when `unitId` is `ancestorId` itself or lies anywhere below it. */
  contains(ancestorId: string, unitId: string): boolean {
    let current = this.units.get(unitId);
    while (current) {
      if (current.id === ancestorId) return true;
      current = current.parentId === null ? undefined : this.units.get(current.parentId);
    }
    return false;
  }

  /** The unit and its ancestors, nearest first. */
  path(unitId: string): Unit[] {
    const out: Unit[] = [];
    let current = this.units.get(unitId);
    while (current) {
      out.push(current);
      current = current.parentId === null ? undefined : this.units.get(current.parentId);
    }
    return out;
  }

  /** Every unit in the subtree rooted at `unitId` (inclusive). */
  subtree(unitId: string): Unit[] {
    const root = this.units.get(unitId);
    if (!root) return [];
    const out: Unit[] = [];
    const queue = [root.id];
    while (queue.length > 0) {
      const id = queue.shift()!;
      out.push(this.units.get(id)!);
      queue.push(...(this.children.get(id) ?? []));
    }
    return out;
  }

  institutionsUnder(unitId: string): Unit[] {
    return this.subtree(unitId).filter((u) => u.kind === 'institution');
  }

  all(): Unit[] {
    return [...this.units.values()];
  }
}

/**
 * The jurisdiction tree. A user sees their own unit and everything under it, never a sibling's:
 * every scope decision in Bihuan goes through `contains`. A view: given units it is fixed (specs),
 * given a source it answers from the tree the source holds now — the live directory's, so a moved
 * unit takes effect for every scope check at once.
 */
export class Jurisdiction {
  private readonly current: () => UnitTree;

  constructor(source: readonly Unit[] | (() => UnitTree)) {
    if (typeof source === 'function') {
      this.current = source;
    } else {
      const tree = new UnitTree(source);
      this.current = () => tree;
    }
  }

  get(id: string): Unit | undefined {
    return this.current().get(id);
  }

  require(id: string, field = 'unitId'): Unit {
    return this.current().require(id, field);
  }

  requireInstitution(id: string, field = 'institutionId'): Unit {
    return this.current().requireInstitution(id, field);
  }

  /** True when `unitId` is `ancestorId` itself or lies anywhere below it. */
  contains(ancestorId: string, unitId: string): boolean {
    return this.current().contains(ancestorId, unitId);
  }

  /** The unit and its ancestors, nearest first. */
  path(unitId: string): Unit[] {
    return this.current().path(unitId);
  }

  /** Every unit in the subtree rooted at `unitId` (inclusive). */
  subtree(unitId: string): Unit[] {
    return this.current().subtree(unitId);
  }

  institutionsUnder(unitId: string): Unit[] {
    return this.current().institutionsUnder(unitId);
  }

  all(): Unit[] {
    return this.current().all();
  }

  /** Units without a parent (the provinces). */
  roots(): Unit[] {
    return this.current()
      .all()
      .filter((u) => u.parentId === null);
  }
}
