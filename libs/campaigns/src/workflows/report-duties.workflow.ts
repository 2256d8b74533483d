import { deterministicId, isEventOf, Message, streamName, SYSTEM_ACTOR, Workflow, WorkflowOutput } from '@bihuan/core';
import { CAMPAIGN_EVENTS, CampaignEvent, CampaignFacts } from '../domain/campaign.messages';
import { AssignReportDuty, WithdrawReportDuty } from '../domain/duty/report-duty.messages';
import { dutyInstances, REPORT_DUTY_CATEGORY } from '../domain/duty/report-duty-schedule';
import { DutyWithdrawReason } from '../domain/duty/report-duty-values';

/** Workflow name, and the category of its streams (`reportDuties-<campaignId>`). */
export const REPORT_DUTIES = 'reportDuties';

/** The duties the campaign's facts in force call for (by id), and whether it closed. */
export interface ReportDutiesState {
  readonly required: readonly string[];
  readonly closed: boolean;
}

const INITIAL: ReportDutiesState = { required: [], closed: false };

function campaignEvent(input: Message): CampaignEvent | null {
  return isEventOf(CAMPAIGN_EVENTS, input) ? input : null;
}

/**
 * A command to a duty on behalf of the system: its id derived from the input and the duty, so a
 * redelivered input sends the very same command; `now` left to the runner (the instant it records
 * the outputs), so a campaign's duties are dated when they are generated, not when it was launched.
 */
function toDuty<C extends AssignReportDuty | WithdrawReportDuty>(input: Message, type: C['type'], data: C['data']): WorkflowOutput {
  const command = {
    type,
    data,
    metadata: {
      commandId: deterministicId(REPORT_DUTIES, input.metadata.eventId, data.dutyId, type),
      correlationId: '',
      causationId: null,
      actor: SYSTEM_ACTOR,
      now: '',
    },
  };
  return { kind: 'send', stream: streamName(REPORT_DUTY_CATEGORY, data.dutyId), command };
}

function assignments(input: Message, facts: CampaignFacts, known: ReadonlySet<string>): WorkflowOutput[] {
  return dutyInstances(facts)
    .filter((duty) => !known.has(duty.dutyId))
    .map((duty) =>
      toDuty<AssignReportDuty>(input, 'AssignReportDuty', {
        ...duty,
        campaignId: facts.campaignId,
        campaignTitle: facts.title,
        issuingUnitId: facts.issuingUnitId,
      }),
    );
}

function withdrawals(input: Message, dutyIds: readonly string[], reason: DutyWithdrawReason): WorkflowOutput[] {
  return dutyIds.map((dutyId) => toDuty<WithdrawReportDuty>(input, 'WithdrawReportDuty', { dutyId, reason }));
}

function decide(input: Message, state: ReportDutiesState): readonly WorkflowOutput[] {
  const event = campaignEvent(input);
  if (!event) return [{ kind: 'ignore', reason: `not a campaign event: ${input.type}` }];
  if (state.closed) return [{ kind: 'ignore', reason: 'the campaign is closed' }];
  if (event.type === 'CampaignClosed') {
    return [...withdrawals(input, state.required, 'campaign-closed'), { kind: 'complete' }];
  }
  const wanted = new Set(dutyInstances(event.data).map((d) => d.dutyId));
  const outputs = [
    ...assignments(input, event.data, new Set(state.required)),
    ...withdrawals(
      input,
      state.required.filter((id) => !wanted.has(id)),
      'no-longer-required',
    ),
  ];
  return outputs.length > 0 ? outputs : [{ kind: 'ignore', reason: 'the duties in force are unchanged' }];
}

function evolve(state: ReportDutiesState, message: Message): ReportDutiesState {
  const event = campaignEvent(message);
  if (!event) return state;
  if (event.type === 'CampaignClosed') return { required: [], closed: true };
  return { required: dutyInstances(event.data).map((d) => d.dutyId), closed: false };
}

/**
 * reportDuties (报送任务的生成): each campaign's launch and every amendment turn the reports its
 * phases require × the institutions in scope into duty streams (`reportDuty-<dutyId>`, ids derived
 * from campaign, institution, kind and due day): new instances are assigned, instances no longer
 * called for withdrawn; the close withdraws what is still owed. Pure: the campaign's event carries
 * its facts whole; due instants and deadlines are the sender's (the working-day calendar).
 * One instance per campaign.
 */
export const reportDutiesWorkflow: Workflow<ReportDutiesState> = {
  name: REPORT_DUTIES,
  inputs: Object.keys(CAMPAIGN_EVENTS),
  initialState: INITIAL,
  instanceId: (input) => {
    const event = campaignEvent(input);
    return event ? event.data.campaignId : null;
  },
  decide,
  evolve: (state, event) => evolve(state, event as Message),
};
