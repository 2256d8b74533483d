import { assertNever, Decider } from '@bihuan/core';
import { campaignError } from '../campaign-errors';
import { expire, recompute, warn } from './report-duty-clock.decide';
import { DEFAULT_REPORTING_POLICY, ReportingPolicy } from './report-duty-policy';
import { accept, assign, attach, returnReport, submit, withdraw } from './report-duty.decide';
import { ReportDutyCommand, ReportDutyEvent } from './report-duty.messages';
import { evolveReportDuty, ExistingReportDuty, initialReportDutyState, ReportDutyState } from './report-duty.state';

function existing(state: ReportDutyState, dutyId: string): ExistingReportDuty {
  if (state.status === 'none') throw campaignError('DUTY_NOT_FOUND', `reporting duty ${dutyId} does not exist`);
  return state;
}

function decide(command: ReportDutyCommand, state: ReportDutyState, policy: ReportingPolicy): readonly ReportDutyEvent[] {
  switch (command.type) {
    case 'AssignReportDuty':
      return assign(command, state, policy);
    case 'WithdrawReportDuty':
      return withdraw(command, state);
    case 'AttachReportEvidence':
      return attach(command, existing(state, command.data.dutyId));
    case 'SubmitReport':
      return submit(command, existing(state, command.data.dutyId));
    case 'AcceptReport':
      return accept(command, existing(state, command.data.dutyId));
    case 'ReturnReport':
      return returnReport(command, existing(state, command.data.dutyId), policy);
    case 'WarnDeadline':
      return warn(command, state);
    case 'ExpireDeadline':
      return expire(command, state, policy);
    case 'RecomputeDeadline':
      return recompute(command, state);
    default:
      return assertNever(command, 'report duty command');
  }
}

/** The ReportDuty decider (报送任务) under a reporting policy: one stream per duty, `reportDuty-<dutyId>`. */
export function createReportDutyDecider(
  policy: ReportingPolicy = DEFAULT_REPORTING_POLICY,
): Decider<ReportDutyCommand, ReportDutyEvent, ReportDutyState> {
  return {
    initialState: initialReportDutyState,
    evolve: evolveReportDuty,
    decide: (command, state) => decide(command, state, policy),
  };
}

/** The decider under the default policy (folding: the audit's state view, tests). */
export const reportDutyDecider = createReportDutyDecider();
