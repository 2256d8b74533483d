import { Actor, DomainError, Role } from '@bihuan/core';
import { Jurisdiction } from './jurisdiction';

/** Who issues for a commission unit (a campaign, 专项行动): its inspectors and its leaders. */
export const ISSUING_ROLES: readonly Role[] = ['inspector', 'leader'];

/**
 * Who commits a 双随机 draw and reveals its seed (ADR 0018) over the draw's jurisdiction: its
 * inspectors and its leaders — the reveal route's roles, and whose to-do list 揭示种子 is on.
 */
export const DRAW_ROLES: readonly Role[] = Object.freeze(['inspector', 'leader'] as Role[]);

/**
 * Who hands in a report a unit owes (报送, docs/reporting.md): an institution's hospital users;
 * a lower commission's inspectors and leaders (ADR 0024). Together, the roles the routes admit.
 */
export const REPORTING_ROLES_OF: Readonly<Record<'institution' | 'commission', readonly Role[]>> = Object.freeze({
  institution: ['hospital'],
  commission: ['inspector', 'leader'],
});
export const REPORT_SUBMITTING_ROLES: readonly Role[] = [...REPORTING_ROLES_OF.institution, ...REPORTING_ROLES_OF.commission];

/**
 * 准入信用核查 (domain.md §6, issue 22): who checks an applicant's credit before a licence is granted
 * and records an applicant's false material — the approving office, which in Bihuan is commission
 * staff with the `inspector` role. Hospitals never check others; leaders audit; admins run the
 * system; partner agencies read credit under their memorandum, not as approving offices.
 */
export const APPLICANT_CREDIT_CHECKERS: readonly Role[] = Object.freeze(['inspector'] as Role[]);

/** Who reads the checks recorded by the offices of their jurisdiction (GET /credit/checks): the checkers and leaders. */
export const APPLICANT_CREDIT_CHECK_READERS: readonly Role[] = Object.freeze(['inspector', 'leader'] as Role[]);

/**
 * Who receives a complaint (受理, 首诉负责): commission staff, and an institution's own complaint
 * office (role hospital) for complaints about itself made at its window, phone or by letter.
 */
export const RECEIVING_ROLES: readonly Role[] = ['inspector', 'leader', 'admin', 'hospital'];

/**
 * Scope rules (domain.md, "People"): a hospital user acts and reads only within its own
 * institution; inspectors, leaders and admins within their jurisdiction subtree — administration
 * is delegated down the tree, so a city's admin manages its own city and what lies below it and
 * the root's admin everything (issue 16); a partner agency (协同部门) sits beside the commission it
 * works with, as a leaf under it, and reads (credit, the black list) within that commission's
 * subtree (ADR 0022); the system everywhere; nobody in a sibling's subtree.
 */
export class AccessPolicy {
  constructor(readonly jurisdiction: Jurisdiction) {}

  /** May this actor see or act on things belonging to `unitId`? */
  inScope(actor: Actor, unitId: string): boolean {
    if (this.readsEverywhere(actor)) return true;
    switch (actor.role) {
      case 'system':
        return true;
      case 'hospital':
        return actor.unit === unitId;
      case 'admin':
      case 'inspector':
      case 'leader':
      case 'partner':
        return this.jurisdiction.contains(this.reachOf(actor), unitId);
      case 'public':
        return false;
    }
  }

  /**
   * An admin at a root unit (the province): the one who runs system-wide operations — settings,
   * calendar, dead letters, projections, timers — that no subtree owns. A city's admin is not.
   */
  isSystemAdmin(actor: Actor): boolean {
    return actor.role === 'admin' && this.jurisdiction.get(actor.unit)?.parentId === null;
  }

  /**
   * Reads and acts on every unit, also ones no longer (or not yet) in the tree: the system, and the
   * root's admin. Every "sees everything" shortcut asks this, never the bare role (issue 16).
   */
  readsEverywhere(actor: Actor): boolean {
    return actor.role === 'system' || this.isSystemAdmin(actor);
  }

  /** Throws 403 AUTH.SYSTEM_ADMIN_ONLY unless the actor is an admin at a root unit. */
  assertSystemAdmin(actor: Actor, action: string): void {
    if (!this.isSystemAdmin(actor)) {
      throw new DomainError(
        'AUTH.SYSTEM_ADMIN_ONLY',
        `${action} is a system-wide operation: only an admin of the root unit may do it (${actor.role} ${actor.id} is of ${actor.unit})`,
        'forbidden',
        { role: actor.role, unit: actor.unit },
      );
    }
  }

  /** Throws 403 AUTH.OUT_OF_SCOPE naming the unit when the actor may not touch it. */
  assertInScope(actor: Actor, unitId: string, what = 'this record'): void {
    if (!this.inScope(actor, unitId)) {
      throw DomainError.forbidden(
        'AUTH.OUT_OF_SCOPE',
        `${actor.role} ${actor.id} of ${actor.unit} may not access ${what} of unit ${unitId}`,
      );
    }
  }

  /** Throws 403 AUTH.ROLE_NOT_ALLOWED unless the actor has one of the roles. */
  assertRole(actor: Actor, roles: readonly Role[], action: string): void {
    if (!roles.includes(actor.role)) {
      throw new DomainError(
        'AUTH.ROLE_NOT_ALLOWED',
        `${action} is not allowed for role ${actor.role} (allowed: ${roles.join(', ')})`,
        'forbidden',
        { role: actor.role, allowed: roles },
      );
    }
  }

  /**
   * Throws unless the actor may issue something in the name of `unitId` — a campaign (专项行动) and
   * its phases, scope and close: an inspector or a leader (ISSUING_ROLES) whose jurisdiction covers
   * that unit. A county's inspector issues for the county and never for the city above it (403
   * AUTH.ROLE_NOT_ALLOWED or AUTH.OUT_OF_SCOPE).
   */
  assertIssuer(actor: Actor, unitId: string, what: string): void {
    this.assertRole(actor, ISSUING_ROLES, what);
    this.assertInScope(actor, unitId, what);
  }

  /**
   * Throws unless the actor hands in what `unitId` owes: one of the unit's own people in a role
   * REPORTING_ROLES_OF its kind gives (403 AUTH.ROLE_NOT_ALLOWED) — of that very unit, so a city's
   * inspector, who reviews a county's report, never writes it (403 AUTH.OUT_OF_SCOPE).
   */
  assertReportsFor(actor: Actor, unitId: string, unitKind: 'institution' | 'commission', what: string): void {
    this.assertRole(actor, REPORTING_ROLES_OF[unitKind], what);
    if (actor.unit !== unitId) {
      throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `${actor.role} ${actor.id} of ${actor.unit} may not do ${what} for unit ${unitId}`);
    }
  }

  /** Throws 403 AUTH.ROLE_NOT_ALLOWED unless the actor is an approving office's (APPLICANT_CREDIT_CHECKERS). */
  assertChecksApplicantCredit(actor: Actor, action: string): void {
    this.assertRole(actor, APPLICANT_CREDIT_CHECKERS, action);
  }

  /**
   * The units whose recorded credit checks an actor reads: its own unit's subtree, for the check
   * readers (APPLICANT_CREDIT_CHECK_READERS); nothing for anyone else.
   */
  creditCheckUnits(actor: Actor): string[] {
    return APPLICANT_CREDIT_CHECK_READERS.includes(actor.role) ? this.visibleUnits(actor) : [];
  }

  /**
   * The institution a complaint received by `actor` is about (RECEIVING_ROLES): commission staff
   * name one of their jurisdiction or none; a hospital's complaint office receives about its own
   * institution only, which is then the one whether named or not (403 AUTH.OUT_OF_SCOPE for another).
   */
  receivedComplaintAbout(actor: Actor, institutionId: string | null | undefined): string | null {
    this.assertRole(actor, RECEIVING_ROLES, 'Receiving a complaint');
    const about = institutionId ?? (actor.role === 'hospital' ? actor.unit : null);
    if (about !== null) this.assertInScope(actor, about, 'complaints about the institution');
    return about;
  }

  /** Institution ids an actor may read, for list filters. */
  visibleInstitutions(actor: Actor): string[] {
    if (actor.role === 'hospital') return [actor.unit];
    if (actor.role === 'public') return [];
    const roots = this.readsEverywhere(actor) ? this.jurisdiction.roots().map((u) => u.id) : [this.reachOf(actor)];
    return roots.flatMap((id) => this.jurisdiction.institutionsUnder(id).map((u) => u.id));
  }

  /** Units (of any kind) an actor may manage or read in the directory: its own subtree. */
  visibleUnits(actor: Actor): string[] {
    if (actor.role === 'public') return [];
    if (actor.role === 'hospital') return [actor.unit];
    const roots = this.readsEverywhere(actor) ? this.jurisdiction.roots().map((u) => u.id) : [this.reachOf(actor)];
    return roots.flatMap((id) => this.jurisdiction.subtree(id).map((u) => u.id));
  }

  /**
   * The unit whose subtree an actor reads: its own, except for a partner, whose agency is a leaf
   * beside the commission it works with — it reads that commission's subtree.
   */
  private reachOf(actor: Actor): string {
    if (actor.role !== 'partner') return actor.unit;
    const unit = this.jurisdiction.get(actor.unit);
    return unit?.kind === 'agency' && unit.parentId !== null ? unit.parentId : actor.unit;
  }
}
