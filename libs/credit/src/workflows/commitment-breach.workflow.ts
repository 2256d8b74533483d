import { deterministicId, DomainEvent, Message, reactionMetadata, streamName, Workflow, WorkflowOutput } from '@bihuan/core';
import { RecordCreditInformation } from '../domain/archive/credit-archive.commands';
import { CREDIT_ARCHIVE_CATEGORY } from '../domain/archive/credit-archive.decider';
import { CommitmentBreached } from '../domain/archive/credit-archive.events';
import { AddEthicsRecordContract, streamOf } from './credit-input-events';

export const COMMITMENT_BREACH_WORKFLOW = 'commitmentBreach';
/** The ethics archive's stream category (libs/ethics). */
export const ETHICS_ARCHIVE_STREAM_CATEGORY = 'ethicsArchive';

type Breached = Message<'CommitmentBreached', CommitmentBreached['data']>;
const isBreached = (m: Message | DomainEvent): m is Breached =>
  'metadata' in m && m.type === 'CommitmentBreached' && 'breachId' in m.data && typeof m.data.breachId === 'string';

/** The adverse record's id for a breach: deterministic, so a redelivery records nothing new. */
export const breachRecordId = (breachId: string): string => deterministicId('creditInformation', 'commitment-breach', breachId);

/**
 * Saga `commitmentBreach-<breachId>`: a CommitmentBreached → RecordCreditInformation (class
 * `adverse`, kind `commitment-breach`) on the institution's archive; for a staff pledge also
 * AddEthicsRecord on `ethicsArchive-<staffId>`. Both name the breach event in `causedBy`.
 * One input per instance, so it completes after acting.
 */
export const commitmentBreachWorkflow: Workflow<{ readonly done: boolean }> = {
  name: COMMITMENT_BREACH_WORKFLOW,
  inputs: ['CommitmentBreached'],
  initialState: { done: false },
  instanceId: (input) => (isBreached(input) ? input.data.breachId : null),
  decide(input, state): readonly WorkflowOutput[] {
    if (!isBreached(input)) return [{ kind: 'ignore', reason: `not an input: ${input.type}` }];
    if (state.done) return [{ kind: 'ignore', reason: 'breach already handled' }];
    const d = input.data;
    const stream = streamOf(input) ?? streamName(CREDIT_ARCHIVE_CATEGORY, d.institutionId);
    const causedBy = { stream, eventId: input.metadata.eventId };
    const metadata = (key: string) => reactionMetadata(input, deterministicId(COMMITMENT_BREACH_WORKFLOW, d.breachId, key));
    const record: RecordCreditInformation = {
      type: 'RecordCreditInformation',
      data: {
        institutionId: d.institutionId,
        recordId: breachRecordId(d.breachId),
        infoClass: 'adverse',
        kind: 'commitment-breach',
        // A supplier agreement's adverse record is the institution's and names the supplier, a party outside the directory.
        title: d.supplier
          ? `违背廉洁诚信协议：供应商 ${d.supplier.name}（统一社会信用代码 ${d.supplier.creditCode}）`
          : `违背信用承诺 ${d.commitmentId}`,
        content: d.description,
        occurredAt: d.occurredAt,
        causedBy,
      },
      metadata: metadata('credit'),
    };
    const outputs: WorkflowOutput[] = [{ kind: 'send', stream: streamName(CREDIT_ARCHIVE_CATEGORY, d.institutionId), command: record }];
    if (d.staffId) {
      const ethics: AddEthicsRecordContract = {
        type: 'AddEthicsRecord',
        data: {
          recordId: deterministicId('ethicsRecord', 'commitment', d.breachId, d.staffId),
          staffId: d.staffId,
          institutionId: d.institutionId,
          source: { kind: 'commitment', commitmentId: d.commitmentId, eventId: input.metadata.eventId, stream },
          recordKind: 'commitment-breached',
          summary: d.description,
          evidence: d.evidence,
          occurredAt: d.occurredAt,
          causedBy,
        },
        metadata: metadata('ethics'),
      };
      outputs.push({ kind: 'send', stream: streamName(ETHICS_ARCHIVE_STREAM_CATEGORY, d.staffId), command: ethics });
    }
    return [...outputs, { kind: 'complete' }];
  },
  evolve: (state, event) => (isBreached(event) ? { done: true } : state),
};
