import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, Jurisdiction, readerOf } from '@bihuan/auth';
import { Actor, assertReadGranted } from '@bihuan/core';
import { CommandExecution } from '@bihuan/platform';
import { noticeError } from '../domain/public-notice-errors';
import { PUBLIC_NOTICE_CATEGORY, publicNoticeDecider } from '../domain/public-notice.decider';
import { ExistingPublicNotice, PublicNoticeState } from '../domain/public-notice.state';
import { decideNoticeRead, noticeAccessFactsOf } from '../domain/public-notice.visibility';

/**
 * Who may touch which notice, for writes (`CaseWrite.authorize`) and staff reads alike: the stream's
 * visibility declaration (404 unknown, 403 not readable) and, for drafting, publishing and
 * correcting, the AccessPolicy's issuer rule over the notice's issuing unit (its one home).
 */
@Injectable()
export class NoticeAccess {
  constructor(
    @Inject(AccessPolicy) readonly access: AccessPolicy,
    @Inject(Jurisdiction) readonly jurisdiction: Jurisdiction,
    @Inject(CommandExecution) readonly execution: CommandExecution,
  ) {}

  /** The state's notice as the actor may read it, else 404 NOTICE.NOT_FOUND / 403 AUTH.OUT_OF_SCOPE. */
  notice(actor: Actor, noticeId: string): (state: PublicNoticeState) => ExistingPublicNotice {
    return (state) => {
      const notFound = () => noticeError('NOT_FOUND', `notice ${noticeId} does not exist`);
      assertReadGranted(decideNoticeRead(readerOf(this.access, actor), noticeAccessFactsOf(state)), notFound);
      if (state.status === 'none') throw notFound();
      return state;
    };
  }

  /** The notice as an issuer may change it: readable, and its issuing unit within the actor's jurisdiction. */
  issuer(actor: Actor, noticeId: string, action: string): (state: PublicNoticeState) => ExistingPublicNotice {
    return (state) => {
      const existing = this.notice(actor, noticeId)(state);
      this.access.assertIssuer(actor, existing.draft.issuingUnitId, action);
      return existing;
    };
  }

  state(noticeId: string): Promise<PublicNoticeState> {
    return this.execution.state(publicNoticeDecider, PUBLIC_NOTICE_CATEGORY, noticeId);
  }

  /**
   * The commission unit a notice is issued by: the actor's own, or one below it they issue for. An
   * unknown unit or an institution is 400 naming `issuingUnitId`; one outside their jurisdiction 403.
   */
  issuingUnit(actor: Actor, unitId: string | undefined): string {
    const id = unitId ?? actor.unit;
    const unit = this.jurisdiction.get(id);
    if (!unit || unit.kind === 'institution') {
      throw noticeError('ISSUING_UNIT_INVALID', `issuingUnitId "${id}" is not a commission unit`, 'issuingUnitId', { unitId: id });
    }
    this.access.assertIssuer(actor, unit.id, 'issuing a public notice');
    return unit.id;
  }

  /**
   * The issuing unit as a reader of the contexts' figures: the drafter's role at the notice's unit,
   * so the tables are that unit's whole jurisdiction — never wider than the drafter's (the unit lies
   * within it: issuingUnit checked so).
   */
  unitReader(actor: Actor, issuingUnitId: string): Actor {
    return { ...actor, unit: issuingUnitId };
  }

  unitName(id: string): string {
    return this.jurisdiction.get(id)?.name ?? id;
  }
}
