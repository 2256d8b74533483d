import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, readerOf } from '@bihuan/auth';
import { Actor, assertReadGranted } from '@bihuan/core';
import { CommandExecution, PolicySource } from '@bihuan/platform';
import { campaignError } from '../../domain/campaign-errors';
import { DEFAULT_REPORTING_POLICY, REPORTING_POLICY_CONTEXT, ReportingPolicy } from '../../domain/duty/report-duty-policy';
import { createReportDutyDecider, reportDutyDecider } from '../../domain/duty/report-duty.decider';
import { REPORT_DUTY_CATEGORY } from '../../domain/duty/report-duty-schedule';
import { ExistingReportDuty, ReportDutyState } from '../../domain/duty/report-duty.state';
import { decideReportDutyRead, dutyAccessFactsOf } from '../../domain/duty/report-duty.visibility';

/** Where every duty write takes the policy in force from (`policy-reporting`). */
export const REPORTING_POLICY: PolicySource<ReportingPolicy> = { context: REPORTING_POLICY_CONTEXT, defaults: DEFAULT_REPORTING_POLICY };

/** Every write to a duty: its category, decided under the reporting policy in force. */
export const REPORT_DUTY_WRITE = {
  category: REPORT_DUTY_CATEGORY,
  decider: (policy: ReportingPolicy) => createReportDutyDecider(policy),
  policy: REPORTING_POLICY,
} as const;

/**
 * Who may touch which duty, for writes (`CaseWrite.authorize`) and reads alike: the stream's
 * visibility declaration (404 unknown, 403 not readable); to hand it in, AccessPolicy's reporting
 * rule over the owing unit (its hospital users, or a lower commission's inspectors and leaders); to
 * accept or return a report, AccessPolicy's issuer rule over the campaign's issuing unit.
 */
@Injectable()
export class ReportDutyAccess {
  constructor(
    @Inject(AccessPolicy) readonly access: AccessPolicy,
    @Inject(CommandExecution) private readonly execution: CommandExecution,
  ) {}

  /** The duty as the actor may read it, else 404 CAMPAIGN.DUTY_NOT_FOUND / 403 AUTH.OUT_OF_SCOPE. */
  duty(actor: Actor, dutyId: string): (state: ReportDutyState) => ExistingReportDuty {
    return (state) => {
      const notFound = () => campaignError('DUTY_NOT_FOUND', `reporting duty ${dutyId} does not exist`);
      assertReadGranted(decideReportDutyRead(readerOf(this.access, actor), dutyAccessFactsOf(state)), notFound);
      if (state.status === 'none') throw notFound();
      return state;
    };
  }

  /** The duty as its owing unit's people may hand it in: readable, and AccessPolicy's reporting rule for that unit. */
  reporter(actor: Actor, dutyId: string, action: string): (state: ReportDutyState) => ExistingReportDuty {
    return (state) => {
      const duty = this.duty(actor, dutyId)(state);
      this.access.assertReportsFor(actor, duty.duty.institutionId, duty.duty.owingUnitKind, action);
      return duty;
    };
  }

  /** The duty as its issuing office may review it: readable, and the actor issues for its issuing unit. */
  reviewer(actor: Actor, dutyId: string, action: string): (state: ReportDutyState) => ExistingReportDuty {
    return (state) => {
      const duty = this.duty(actor, dutyId)(state);
      this.access.assertIssuer(actor, duty.duty.issuingUnitId, action);
      return duty;
    };
  }

  /** The folded stream (as writes fold it), checked for the actor. */
  async read(actor: Actor, dutyId: string): Promise<ExistingReportDuty> {
    return this.duty(actor, dutyId)(await this.execution.state(reportDutyDecider, REPORT_DUTY_CATEGORY, dutyId));
  }
}
