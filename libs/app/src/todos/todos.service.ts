import { Inject, Injectable } from '@nestjs/common';
import { Actor, Clock, CLOCK, shanghaiDate } from '@bihuan/core';
import { AccessPolicy, DRAW_ROLES } from '@bihuan/auth';
import { reportDutyOpenSteps, ReportDutyTables } from '@bihuan/campaigns';
import { complaintOpenSteps, ComplaintStepScope, ComplaintsTables } from '@bihuan/complaints';
import { DrawProgressTables, drawRevealOpenSteps } from '@bihuan/credit';
import { SqlDatabase } from '@bihuan/database';
import { ethicsOpenSteps, EthicsTables } from '@bihuan/ethics';
import { findingOpenSteps, InspectionTables } from '@bihuan/inspection';
import { referralOpenSteps, ReferralsTables } from '@bihuan/referrals';
import { CALENDAR, CalendarService, READ_MODELS } from '@bihuan/platform';
import { TodoKind } from './todo-kinds';
import { todoList, TodoList } from './todo-list';

/**
 * Whose list each step is on, through the same access declarations as every other read
 * (AccessPolicy): a hospital user sees its own institution's steps; an inspector the steps of
 * institutions (and commission units) within its jurisdiction; a partner its own agency's
 * referrals. Leaders and admins act on no step of these loops (their overdue view is
 * `GET /ledgers/counts`); a draw's reveal is the one step a leader takes (drawRevealUnits).
 */
export function stepScope(actor: Actor, access: AccessPolicy): ComplaintStepScope {
  switch (actor.role) {
    case 'hospital':
      return { hospitalOf: access.visibleInstitutions(actor), inspectorOver: [], commissionUnits: [] };
    case 'inspector':
      return { hospitalOf: [], inspectorOver: access.visibleInstitutions(actor), commissionUnits: access.visibleUnits(actor) };
    default:
      return { hospitalOf: [], inspectorOver: [], commissionUnits: [] };
  }
}

/** The jurisdictions whose draws the actor may reveal (DRAW_ROLES over the draw's jurisdiction, as the reveal route checks). */
export function drawRevealUnits(actor: Actor, access: AccessPolicy): string[] {
  return DRAW_ROLES.includes(actor.role) ? access.visibleUnits(actor) : [];
}

/** The signed-in user's to-do list (待办), read from the contexts' read models at request time. */
@Injectable()
export class TodosService {
  constructor(
    @Inject(READ_MODELS) private readonly database: SqlDatabase,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(CALENDAR) private readonly calendars: CalendarService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: Actor, view: { kind?: TodoKind; page: number; pageSize: number }): Promise<TodoList> {
    const scope = stepScope(actor, this.access);
    const now = this.clock.now().toISOString();
    const db = this.database.db;
    const agency = actor.role === 'partner' ? actor.unit : null;
    const [findings, complaints, evaluations, reports, referrals, draws] = await Promise.all([
      findingOpenSteps(db.withTables<InspectionTables>(), scope, now),
      complaintOpenSteps(db.withTables<ComplaintsTables>(), scope),
      ethicsOpenSteps(db.withTables<EthicsTables>(), scope.hospitalOf),
      reportDutyOpenSteps(
        db.withTables<ReportDutyTables>(),
        // An inspector's own commission hands in the reports a campaign above it asks of it.
        { ...scope, ownCommission: actor.role === 'inspector' ? actor.unit : null },
        shanghaiDate(now),
      ),
      referralOpenSteps(db.withTables<ReferralsTables>(), { agency, commissionUnits: scope.commissionUnits }),
      drawRevealOpenSteps(db.withTables<DrawProgressTables>(), drawRevealUnits(actor, this.access)),
    ]);
    const calendar = await this.calendars.current();
    return todoList([...findings, ...complaints, ...evaluations, ...reports, ...referrals, ...draws], now, calendar, view);
  }
}
